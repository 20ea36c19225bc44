import { Anchor, Button, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ProblemAlert } from '../../../components/problem-alert';
import { useSession } from '../../../session-context';
import { bundleUrl } from '../api';
import { fetchFile } from '../download';
import { mountVerifier } from './verifier';

/**
 * The console's bundle verifier: the standalone verifier's own code, mounted here. It checks a
 * bundle file the auditor picks, or (`?round=`) the round's bundle fetched from the API, in this
 * browser; the bundle is never sent anywhere.
 */
export function VerifyBundlePage(): React.JSX.Element {
  const { t } = useTranslation('audit');
  const { session } = useSession();
  const [params] = useSearchParams();
  const round = params.get('round');
  const host = useRef<HTMLDivElement>(null);
  const verifier = useRef<ReturnType<typeof mountVerifier> | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    if (host.current) verifier.current = mountVerifier(host.current);
  }, []);

  async function fromApi(roundId: string): Promise<void> {
    setFailure(null);
    try {
      const { blob } = await fetchFile(bundleUrl(roundId), session?.token, `${roundId}-evidence.json`);
      await verifier.current?.show(await blob.text());
    } catch (error) {
      setFailure(error);
    }
  }

  return (
    <Stack gap="md" data-page="verify-bundle" aria-busy="false">
      <Paper withBorder p="md">
        <div ref={host} data-testid="offline-verifier" />
      </Paper>
      {round && (
        <div>
          <Button onClick={() => void fromApi(round)} data-testid="verify-from-api">
            {t('offline.fromApi', { round })}
          </Button>
        </div>
      )}
      {failure !== null && <ProblemAlert failure={failure} title={t('bundle.failed')} />}
      <Text size="sm">
        {t('offline.standalone')}{' '}
        <Anchor href="/console/verifier.html" download="selter-verifier.html">
          {t('offline.download')}
        </Anchor>
      </Text>
    </Stack>
  );
}
