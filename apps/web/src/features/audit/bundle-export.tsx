import { Alert, Anchor, Button, Code, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiProblem } from '../../api/call';
import { ProblemAlert } from '../../components/problem-alert';
import { ROUTES } from '../../routes';
import { useSession } from '../../session-context';
import { formatNumber, useLocale } from '../round/locale';
import { bundleUrl } from './api';
import { fetchFile, saveBlob } from './download';

/** Times a bundle is asked for again while no signed checkpoint covers the round's last event (409). */
const ATTEMPTS = 3;

type Export =
  | { step: 'idle' }
  | { step: 'fetching' }
  | { step: 'waiting'; seconds: number }
  | { step: 'done'; name: string; bytes: number }
  | { step: 'failed'; failure: unknown };

/**
 * Downloads the round's evidence bundle (events, hashes, signed checkpoint, public key) and says
 * how to verify it offline. A round that moved since the last checkpoint answers 409 until the
 * backbone signs one; the export waits as Retry-After asks and tries again.
 */
export function BundleExport({ roundId }: { roundId: string }): React.JSX.Element {
  const { t } = useTranslation('audit');
  const { session } = useSession();
  const locale = useLocale();
  const [progress, setProgress] = useState<Export>({ step: 'idle' });
  const alive = useRef(true);
  // Set again on every mount: StrictMode (npm run web:dev) unmounts and mounts each component once more.
  useEffect(() => {
    alive.current = true;
    return () => void (alive.current = false);
  }, []);

  async function run(): Promise<void> {
    for (let attempt = 1; alive.current; attempt++) {
      setProgress({ step: 'fetching' });
      try {
        const { blob, name } = await fetchFile(
          bundleUrl(roundId),
          session?.token,
          `${roundId}-evidence.json`,
        );
        saveBlob(blob, name);
        return setProgress({ step: 'done', name, bytes: blob.size });
      } catch (failure) {
        const wait =
          failure instanceof ApiProblem && failure.status === 409 && attempt < ATTEMPTS
            ? ((failure as ApiProblem & { retryAfter?: number }).retryAfter ?? 5)
            : null;
        if (wait === null) return setProgress({ step: 'failed', failure });
        setProgress({ step: 'waiting', seconds: wait });
        await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      }
    }
  }

  const name = progress.step === 'done' ? progress.name : `${roundId}-evidence.json`;
  const busy = progress.step === 'fetching' || progress.step === 'waiting';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="bundle-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="bundle-title">
          {t('bundle.title')}
        </Title>
        <Text size="sm">{t('bundle.intro')}</Text>
        <div>
          <Button onClick={() => void run()} loading={busy} data-testid="export-bundle">
            {t('bundle.export')}
          </Button>
        </div>
        <div aria-live="polite">
          {progress.step === 'waiting' && (
            <Alert color="yellow" role="status">
              {t('bundle.waiting', { seconds: progress.seconds })}
            </Alert>
          )}
          {progress.step === 'done' && (
            <Alert color="green" role="status" data-testid="bundle-done">
              {t('bundle.done', {
                name: progress.name,
                size: formatNumber(Math.ceil(progress.bytes / 1024), locale),
              })}
            </Alert>
          )}
        </div>
        {progress.step === 'failed' && <ProblemAlert failure={progress.failure} title={t('bundle.failed')} />}
        <Anchor component={Link} to={ROUTES.verifyBundle(roundId)} size="sm" data-testid="verify-in-browser">
          {t('offline.link')}
        </Anchor>
        <Text size="sm">{t('bundle.verifyOffline')}</Text>
        <Code
          block
        >{`npm run audit -- verify ${name}\nnpm run audit -- replay ${name} --at ${t('bundle.position')}`}</Code>
        <Text size="sm" c="dimmed">
          {t('bundle.trust')}
        </Text>
      </Stack>
    </Paper>
  );
}
