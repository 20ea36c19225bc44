import { Autocomplete, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scoredStages } from '../applicants';
import { useDecisionData } from '../context';
import type { StageDefinition } from '../../audit/types';

/** The chosen stage id, starting at the stage this page is recording, else the post's current stage when the round's record says which it is. */
export function useStageChoice(): {
  stageId: string;
  setStageId: (stageId: string) => void;
  stage: StageDefinition | undefined;
} {
  const { facts, stageInProgress } = useDecisionData();
  const [stageId, setStageId] = useState(stageInProgress ?? facts?.currentStage?.stageId ?? '');
  return { stageId, setStageId, stage: facts?.stages.find((s) => s.stageId === stageId.trim()) };
}

/**
 * The stage a decision is for: from the frozen catalogue with its pass mark where the round's
 * state is readable; otherwise typed, with the ids the applicants already have scores for as
 * suggestions (the dry run refuses an unknown or out-of-order stage with its rule, R21).
 */
export function StageField({
  value,
  onChange,
}: {
  value: string;
  onChange: (stageId: string) => void;
}): React.JSX.Element {
  const { t } = useTranslation('decisions');
  const { applicants, facts, stageOrder } = useDecisionData();
  const stages = facts?.stages ?? [];
  const stage = stages.find((s) => s.stageId === value.trim());
  if (stages.length === 0) {
    return (
      <Stack gap={4}>
        <Autocomplete
          label={t('stage.id')}
          description={t('stage.idHint')}
          data={scoredStages(applicants, stageOrder)}
          value={value}
          onChange={onChange}
          maxLength={64}
          required
          w={{ base: '100%', sm: 320 }}
        />
        <Text size="sm" c="gray.7">
          {t('stage.passMark')}
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap={4}>
      <Select
        label={t('stage.id')}
        data={stages.map((s) => ({ value: s.stageId, label: `${s.name} (${s.stageId})` }))}
        value={value || null}
        onChange={(next) => onChange(next ?? '')}
        required
        w={{ base: '100%', sm: 320 }}
      />
      {stage && (
        <Text size="sm" data-testid="stage-definition">
          {t('stage.definition', { method: stage.method, max: stage.maxScore, weight: stage.weight })}{' '}
          {stage.scoring === 'elimination' && stage.passMark !== undefined
            ? t('stage.passMarkValue', { passMark: stage.passMark })
            : t('stage.cumulative')}
          {stage.maxProceeding !== undefined &&
            ` ${t('stage.maxProceeding', { count: stage.maxProceeding })}`}
        </Text>
      )}
    </Stack>
  );
}
