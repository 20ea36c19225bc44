import { Checkbox, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionSubmit } from '../../../components/decision-submit';
import { applicantName, rankedProceeding } from '../applicants';
import { stageResultsBody, type ScoreRow } from '../bodies';
import { useDecisionData } from '../context';
import type { DecisionFormProps } from '../form-contract';
import type { ApplicantView } from '../types';
import { useScoreFormat } from './fields';
import { StageField, useStageChoice } from './stage-field';

const emptyRow = (applicantId: string): ScoreRow => ({
  applicantId,
  score: null,
  absent: false,
  reused: null,
});

/** RecordStageResults: the proceeding applicants × the stage's score; absent applicants are withdrawn; reused assessments dated (R27). */
export function StageResultsForm({ roundId, postId, onDone }: DecisionFormProps): React.JSX.Element {
  const { t } = useTranslation('decisions');
  const { applicants } = useDecisionData();
  const { stageId, setStageId, stage: definition } = useStageChoice();
  const [rows, setRows] = useState<Record<string, ScoreRow>>({});
  const candidates = rankedProceeding(applicants);
  const stage = stageId.trim();
  // Applicants with a score for this stage already keep it (the domain refuses a second one).
  const open = candidates.filter((a) => stage === '' || a.scores[stage] === undefined);
  const body = stageResultsBody(
    postId,
    stageId,
    open.map((a) => rows[a.applicantId] ?? emptyRow(a.applicantId)),
  );
  const change = (applicantId: string, patch: Partial<ScoreRow>) =>
    setRows((all) => ({
      ...all,
      [applicantId]: { ...(all[applicantId] ?? emptyRow(applicantId)), ...patch },
    }));
  if (candidates.length === 0) return <Text>{t('applicants.noneProceeding')}</Text>;
  return (
    <Stack gap="md">
      <StageField value={stageId} onChange={setStageId} />
      <Table.ScrollContainer minWidth={760}>
        <Table striped>
          <Table.Caption>{t('stage.caption', { count: open.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('applicants.rank')}</Table.Th>
              <Table.Th scope="col">{t('applicants.applicant')}</Table.Th>
              <Table.Th scope="col">{t('applicants.total')}</Table.Th>
              <Table.Th scope="col">{t('stage.score')}</Table.Th>
              <Table.Th scope="col">{t('stage.absent')}</Table.Th>
              <Table.Th scope="col">{t('stage.reused')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {candidates.map((a) => (
              <ScoreLine
                key={a.applicantId}
                applicant={a}
                stageId={stage}
                maxScore={definition?.maxScore}
                row={rows[a.applicantId] ?? emptyRow(a.applicantId)}
                onChange={(patch) => change(a.applicantId, patch)}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <DecisionSubmit roundId={roundId} type="RecordStageResults" body={body} onDone={onDone} />
    </Stack>
  );
}

function ScoreLine({
  applicant,
  stageId,
  maxScore,
  row,
  onChange,
}: {
  applicant: ApplicantView;
  stageId: string;
  maxScore: number | undefined;
  row: ScoreRow;
  onChange: (patch: Partial<ScoreRow>) => void;
}): React.JSX.Element {
  const { t } = useTranslation('decisions');
  const name = applicantName(applicant);
  const recorded = stageId === '' ? undefined : applicant.scores[stageId];
  const score = useScoreFormat();
  return (
    <Table.Tr>
      <Table.Td>{applicant.rank ?? '–'}</Table.Td>
      <Table.Th scope="row" fw={400}>
        {name}
      </Table.Th>
      <Table.Td>{score(applicant.total)}</Table.Td>
      {recorded !== undefined ? (
        <Table.Td colSpan={3}>{t('stage.recorded', { score: score(recorded) })}</Table.Td>
      ) : (
        <>
          <Table.Td>
            <NumberInput
              aria-label={t('stage.scoreOf', { name })}
              value={row.score ?? ''}
              onChange={(value) => onChange({ score: typeof value === 'number' ? value : null })}
              min={0}
              max={maxScore}
              decimalScale={2}
              decimalSeparator=","
              disabled={row.absent}
              w={110}
            />
          </Table.Td>
          <Table.Td>
            <Checkbox
              aria-label={t('stage.absentOf', { name })}
              checked={row.absent}
              onChange={(event) => onChange({ absent: event.currentTarget.checked })}
            />
          </Table.Td>
          <Table.Td>
            <Stack gap={4}>
              <Checkbox
                aria-label={t('stage.reusedOf', { name })}
                checked={row.reused !== null}
                disabled={row.absent}
                onChange={(event) =>
                  onChange({
                    reused: event.currentTarget.checked ? { assessedOn: null, provider: '' } : null,
                  })
                }
              />
              {row.reused && (
                <>
                  <DateInput
                    aria-label={t('stage.assessedOn', { name })}
                    placeholder={t('stage.assessedOnPlaceholder')}
                    value={row.reused.assessedOn}
                    onChange={(assessedOn) =>
                      onChange({ reused: { provider: row.reused?.provider ?? '', assessedOn } })
                    }
                    valueFormat="D MMM YYYY"
                    size="xs"
                  />
                  <TextInput
                    aria-label={t('stage.provider', { name })}
                    placeholder={t('stage.providerPlaceholder')}
                    value={row.reused.provider}
                    onChange={(event) =>
                      onChange({
                        reused: {
                          assessedOn: row.reused?.assessedOn ?? null,
                          provider: event.currentTarget.value,
                        },
                      })
                    }
                    size="xs"
                    maxLength={300}
                  />
                </>
              )}
            </Stack>
          </Table.Td>
        </>
      )}
    </Table.Tr>
  );
}
