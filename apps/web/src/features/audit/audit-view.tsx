import { Anchor, Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { keys, useApiQuery } from '../../api/query';
import { LoadedPage } from '../../components/page';
import { ROUTES } from '../../routes';
import { useSession } from '../../session-context';
import { getRound } from '../round/api';
import { verifyRound } from './api';
import { BundleExport } from './bundle-export';
import { TimeSlider } from './time-slider';
import { VerificationCard } from './verification-card';

/**
 * The auditor's view of a round: whether its hash chain and signed checkpoint hold (and where
 * they first fail), the round's full state after any event, and its evidence bundle to verify
 * offline without trusting this service.
 */
export function AuditView(): React.JSX.Element {
  const { t } = useTranslation('audit');
  const { roundId = '' } = useParams();
  const { api, session } = useSession();
  const token = session?.token;
  const audit = useApiQuery(keys.audit(roundId), async () => {
    const [verification, round] = await Promise.all([verifyRound(roundId, token), getRound(api, roundId)]);
    return { verification, round };
  });
  const title =
    audit.state === 'ready' ? t('titleOf', { round: audit.data.round.name ?? roundId }) : t('title');
  const actions = (
    <Group gap="xs">
      <Button variant="default" onClick={audit.reload}>
        {t('recheck')}
      </Button>
      <Anchor component={Link} to={ROUTES.round(roundId)}>
        {t('backToRound')}
      </Anchor>
    </Group>
  );
  return (
    <LoadedPage name="audit" title={title} loaded={audit} actions={actions}>
      {({ verification }) => (
        <Stack gap="xl">
          <VerificationCard verification={verification} />
          <TimeSlider roundId={roundId} headVersion={verification.headVersion} />
          <BundleExport roundId={roundId} />
        </Stack>
      )}
    </LoadedPage>
  );
}
