import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DecisionSubmit } from '../../../components/decision-submit';
import { isProceeding } from '../applicants';
import { publishStageBody } from '../bodies';
import { useDecisionData } from '../context';
import type { DecisionFormProps } from '../form-contract';
import { RankingTable } from './ranking-table';
import { StageField, useStageChoice } from './stage-field';
import { useShortlist } from './use-shortlist';

/** PublishStageResults: the stage's ranked scores and who proceeds, published once every participant has a result (R21). */
export function PublishStageForm({ roundId, postId, onDone }: DecisionFormProps): React.JSX.Element {
  const { t } = useTranslation('decisions');
  const { applicants, facts } = useDecisionData();
  const { stageId, setStageId } = useStageChoice();
  const stage = stageId.trim();
  const present = applicants.filter((a) => !a.withdrawn);
  const proceeding = applicants.filter(isProceeding);
  const verdicts = present.filter((a) => a.verdict !== null).length;
  const scored = proceeding.filter((a) => a.scores[stage] !== undefined).length;
  // Scores only for a scored stage: the catalogue says so where it is readable, else a first score does.
  const definition = facts?.stages.find((s) => s.stageId === stage);
  const scoresStage = stage !== '' && (definition ? definition.kind !== 'administrative' : scored > 0);
  return (
    <Stack gap="md">
      <StageField value={stageId} onChange={setStageId} />
      <Text data-testid="stage-progress">
        {t('publish.verdicts', { done: verdicts, total: present.length })}
        {scoresStage && ` · ${t('publish.scores', { stage, done: scored, total: proceeding.length })}`}
      </Text>
      <Text size="sm" c="gray.7">
        {t('publish.hint')}
      </Text>
      <DecisionSubmit
        roundId={roundId}
        type="PublishStageResults"
        body={publishStageBody(postId, stageId)}
        onDone={onDone}
      />
    </Stack>
  );
}

/** AnnounceShortlist: the public tiga besar; under BKN's policy only after BKN approved it. */
export function AnnounceShortlistForm({ roundId, postId, onDone }: DecisionFormProps): React.JSX.Element {
  const { t } = useTranslation('decisions');
  const { finalists, caption } = useShortlist(true);
  return (
    <Stack gap="md">
      <RankingTable applicants={finalists} caption={caption} />
      <Text size="sm" c="gray.7">
        {t('announce.hint')}
      </Text>
      <DecisionSubmit
        roundId={roundId}
        type="AnnounceShortlist"
        body={postId ? { postId } : null}
        onDone={onDone}
      />
    </Stack>
  );
}
