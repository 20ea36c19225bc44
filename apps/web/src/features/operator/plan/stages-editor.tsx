import { ActionIcon, Button, Group, NativeSelect, NumberInput, Stack, Table, TextInput } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { newStage, type StageDraft } from './draft';
import { FindingList } from './finding-list';
import { moveBy, patchAt, removeAt } from './list-edit';
import { weightTotal } from './tallies';
import type { PlanJudgement } from './use-plan-check';
import { TableHead } from '../../round/table-head';

const KINDS: StageDraft['kind'][] = [
  'administrative',
  'competency',
  'paper',
  'presentation',
  'interview',
  'health',
];
const num = (value: string | number): number =>
  typeof value === 'number' ? value : Number.parseFloat(value) || 0;
const optionalNum = (value: string | number): number | null => (value === '' ? null : num(value));

/** The stage catalogue in order, with weights (totalling 100%, live) and pass marks; frozen at announcement. */
export const StagesEditor = memo(function StagesEditor({
  value,
  judgement,
  onChange,
}: {
  value: StageDraft[];
  judgement: PlanJudgement;
  onChange: (stages: StageDraft[]) => void;
}): React.JSX.Element {
  const { t } = useTranslation('operator');
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={1700}>
        <Table>
          <TableHead
            columns={[
              t('stages.order'),
              t('stages.name'),
              t('stages.stageId'),
              t('stages.kind'),
              t('stages.method'),
              t('stages.topic'),
              t('stages.weight'),
              t('stages.maxScore'),
              t('stages.scoring'),
              t('stages.passMark'),
              t('stages.maxProceeding'),
              t('stages.actions'),
            ]}
          />
          <Table.Tbody>
            {value.map((stage, index) => (
              <StageRow
                key={stage.key}
                n={index + 1}
                stage={stage}
                onChange={(patch) => onChange(patchAt(value, index, patch))}
                onMove={(by) => onChange(moveBy(value, index, by))}
                onRemove={() => onChange(removeAt(value, index))}
              />
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row" colSpan={6}>
                {t('stages.total')}
              </Table.Th>
              <Table.Td data-testid="weight-total" fw={700}>
                {t('stages.percent', { value: weightTotal(value) })}
              </Table.Td>
              <Table.Td colSpan={5} />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      <Group>
        <Button variant="light" onClick={() => onChange([...value, newStage()])}>
          {t('stages.add')}
        </Button>
      </Group>
      <FindingList judgement={judgement} section="stages" label={t('stages.checks')} />
    </Stack>
  );
});

function StageRow({
  n,
  stage,
  onChange,
  onMove,
  onRemove,
}: {
  n: number;
  stage: StageDraft;
  onChange: (patch: Partial<StageDraft>) => void;
  onMove: (by: number) => void;
  onRemove: () => void;
}): React.JSX.Element {
  const { t } = useTranslation('operator');
  return (
    <Table.Tr data-stage={stage.stageId}>
      <Table.Td>
        <Group gap={2} wrap="nowrap">
          <ActionIcon variant="subtle" aria-label={t('stages.upOf', { n })} onClick={() => onMove(-1)}>
            ↑
          </ActionIcon>
          <ActionIcon variant="subtle" aria-label={t('stages.downOf', { n })} onClick={() => onMove(1)}>
            ↓
          </ActionIcon>
        </Group>
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={t('stages.nameOf', { n })}
          value={stage.name}
          onChange={(e) => onChange({ name: e.currentTarget.value })}
          miw={200}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={t('stages.stageIdOf', { n })}
          value={stage.stageId}
          onChange={(e) => onChange({ stageId: e.currentTarget.value })}
          miw={100}
        />
      </Table.Td>
      <Table.Td>
        <NativeSelect
          aria-label={t('stages.kindOf', { n })}
          value={stage.kind}
          onChange={(e) => onChange({ kind: e.currentTarget.value as StageDraft['kind'] })}
          data={KINDS.map((kind) => ({ value: kind, label: t(`stageKind.${kind}`) }))}
          miw={200}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={t('stages.methodOf', { n })}
          value={stage.method}
          onChange={(e) => onChange({ method: e.currentTarget.value })}
          miw={180}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={t('stages.topicOf', { n })}
          value={stage.topic}
          onChange={(e) => onChange({ topic: e.currentTarget.value })}
          miw={180}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={t('stages.weightOf', { n })}
          value={stage.weight}
          onChange={(v) => onChange({ weight: num(v) })}
          min={0}
          max={100}
          suffix=" %"
          w={90}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={t('stages.maxScoreOf', { n })}
          value={stage.maxScore}
          onChange={(v) => onChange({ maxScore: num(v) })}
          min={0}
          w={90}
        />
      </Table.Td>
      <Table.Td>
        <NativeSelect
          aria-label={t('stages.scoringOf', { n })}
          value={stage.scoring}
          onChange={(e) => onChange({ scoring: e.currentTarget.value as StageDraft['scoring'] })}
          data={[
            { value: 'elimination', label: t('scoring.elimination') },
            { value: 'cumulative', label: t('scoring.cumulative') },
          ]}
          miw={130}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={t('stages.passMarkOf', { n })}
          value={stage.passMark ?? ''}
          onChange={(v) => onChange({ passMark: optionalNum(v) })}
          min={0}
          w={90}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={t('stages.maxProceedingOf', { n })}
          value={stage.maxProceeding ?? ''}
          onChange={(v) => onChange({ maxProceeding: optionalNum(v) })}
          min={1}
          allowDecimal={false}
          w={90}
        />
      </Table.Td>
      <Table.Td>
        <ActionIcon
          variant="subtle"
          color="red"
          c="red.9"
          aria-label={t('stages.removeOf', { n })}
          onClick={onRemove}
        >
          ×
        </ActionIcon>
      </Table.Td>
    </Table.Tr>
  );
}
