import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DecisionResult, DecisionType } from '../../api/decisions';
import { ROUTES } from '../../routes';
import { DecisionSteps } from './decision-steps';
import { roundCancellable, roundSteps } from './manage-steps';
import { PostsDesk } from './posts-desk';
import { RoundPage } from './round-page';
import type { RoundView } from './types';

const FINAL = new Set(['inaugurated', 'dropped', 'postponed', 'cancelled']);
const BEFORE_ANNOUNCEMENT = new Set(['planned', 'submitted', 'rejected', 'recommended']);

/** The operator's desk for one round: its status, and each next step (round-wide, then per post) as its decision form. */
export function ManageRound(): React.JSX.Element {
  const { t } = useTranslation('operator');
  const { t: tc } = useTranslation();
  const { roundId = '' } = useParams();
  const [recorded, setRecorded] = useState<{ type: DecisionType; result: DecisionResult } | null>(null);
  return (
    <RoundPage
      name="manage-round"
      title={t('manageTitle')}
      roundId={roundId}
      links={['round', 'applicants']}
      reload
    >
      {(round) => (
        <>
          {recorded && (
            <Text
              role="status"
              c="teal.9"
              fw={500}
              data-testid="last-recorded"
              data-decision-type={recorded.type}
            >
              {t('manage.recorded', {
                decision: tc(`commands.${recorded.type}`, { defaultValue: recorded.type }),
                events: recorded.result.events.map((e) => e.type).join(', '),
              })}
            </Text>
          )}
          <RoundDesk round={round} onDone={(type, result) => setRecorded({ type, result })} />
        </>
      )}
    </RoundPage>
  );
}

function RoundDesk({
  round,
  onDone,
}: {
  round: RoundView;
  onDone: (type: DecisionType, result: DecisionResult) => void;
}): React.JSX.Element {
  const { t } = useTranslation('operator');
  const steps = roundSteps(round.status);
  const running = round.posts.filter((post) => !FINAL.has(post.status));
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Group gap="sm">
          <Text fw={600}>
            <Anchor component={Link} to={ROUTES.round(round.id)}>
              {round.name ?? round.id}
            </Anchor>
          </Text>
          <Badge variant="filled" color="indigo.8" data-testid="round-status" data-status={round.status}>
            {t(`roundStatus.${round.status}`, { defaultValue: round.status })}
          </Badge>
        </Group>
        <Text size="sm">{t(`roundHint.${round.status}`, { defaultValue: '' })}</Text>
      </Stack>
      {steps.length > 0 && (
        <Stack gap="sm" component="section" aria-labelledby="round-steps">
          <Title order={2} size="h3" id="round-steps">
            {t('manage.roundSteps')}
          </Title>
          <DecisionSteps roundId={round.id} postId={null} types={steps} onDone={onDone} />
        </Stack>
      )}
      {!BEFORE_ANNOUNCEMENT.has(round.status) && <PostsDesk round={round} onDone={onDone} />}
      {running.length === 0 && steps.length === 0 && !roundCancellable(round.status) && (
        <Text>{t('manage.nothing')}</Text>
      )}
      {roundCancellable(round.status) && (
        <Stack gap="sm" component="section" aria-labelledby="round-cancel">
          <Title order={2} size="h3" id="round-cancel">
            {t('manage.cancelTitle')}
          </Title>
          <DecisionSteps roundId={round.id} postId={null} types={['CancelRound']} onDone={onDone} />
        </Stack>
      )}
    </Stack>
  );
}
