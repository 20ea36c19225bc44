import { Button, Fieldset, MultiSelect, Radio, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionSubmit } from '../../../components/decision-submit';
import { applicantName, awaitingVerdict } from '../applicants';
import { verdictBody, type RuleId, type Verdict } from '../bodies';
import { useDecisionData } from '../context';
import type { DecisionFormProps } from '../form-contract';
import type { ApplicantView } from '../types';
import { ToneBadge } from '../../../components/tone-badge';
import { ReasonField } from './fields';
import { isRuleId, useRuleOptions } from './rule-options';

const VERDICT_COLOR: Record<string, string> = { eligible: 'green', ineligible: 'red' };

/** RecordAdministrativeVerdict: one applicant of the post at a time, MS or TMS with the failed rules and a note for each. */
export function AdministrativeVerdictForm({ roundId, postId, onDone }: DecisionFormProps): React.JSX.Element {
  const { t } = useTranslation('decisions');
  const { applicants } = useDecisionData();
  const [selected, setSelected] = useState<string | null>(
    () => awaitingVerdict(applicants)[0]?.applicantId ?? null,
  );
  const applicant = applicants.find((a) => a.applicantId === selected);
  if (applicants.length === 0) return <Text>{t('applicants.none')}</Text>;
  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Caption>
            {t('verdict.caption', { pending: awaitingVerdict(applicants).length, total: applicants.length })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('applicants.applicant')}</Table.Th>
              <Table.Th scope="col">{t('applicants.nip')}</Table.Th>
              <Table.Th scope="col">{t('verdict.status')}</Table.Th>
              <Table.Th scope="col">{t('applicants.action')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {applicants.map((a) => (
              <Table.Tr
                key={a.applicantId}
                bg={a.applicantId === selected ? 'var(--mantine-color-indigo-light)' : undefined}
              >
                <Table.Th scope="row" fw={400}>
                  {applicantName(a)}
                </Table.Th>
                <Table.Td>{a.nip ?? '–'}</Table.Td>
                <Table.Td>
                  <VerdictBadge applicant={a} />
                </Table.Td>
                <Table.Td>
                  {a.verdict === null && !a.withdrawn && (
                    <Button
                      size="xs"
                      variant={a.applicantId === selected ? 'filled' : 'default'}
                      onClick={() => setSelected(a.applicantId)}
                      aria-label={t('verdict.examine', { name: applicantName(a) })}
                    >
                      {t('verdict.examineShort')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {applicant ? (
        <VerdictEditor
          key={applicant.applicantId}
          roundId={roundId}
          postId={postId}
          applicant={applicant}
          onDone={onDone}
        />
      ) : (
        <Text>{t('verdict.allDone')}</Text>
      )}
    </Stack>
  );
}

function VerdictBadge({ applicant }: { applicant: ApplicantView }): React.JSX.Element {
  const { t } = useTranslation('decisions');
  if (applicant.withdrawn) return <ToneBadge color="gray">{t('applicants.withdrawn')}</ToneBadge>;
  if (applicant.verdict === null) return <ToneBadge color="indigo">{t('verdict.pending')}</ToneBadge>;
  return (
    <ToneBadge color={VERDICT_COLOR[applicant.verdict] ?? 'gray'}>
      {t(`verdict.${applicant.verdict}`, { defaultValue: applicant.verdict })}
    </ToneBadge>
  );
}

function VerdictEditor({
  roundId,
  postId,
  applicant,
  onDone,
}: Omit<DecisionFormProps, 'postId'> & {
  postId: string | null;
  applicant: ApplicantView;
}): React.JSX.Element {
  const { t } = useTranslation('decisions');
  const rules = useRuleOptions();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [ruleIds, setRuleIds] = useState<RuleId[]>([]);
  const [notes, setNotes] = useState<Partial<Record<RuleId, string>>>({});
  const findings = ruleIds.map((ruleId) => ({ ruleId, note: notes[ruleId] ?? '' }));
  const body = verdictBody(postId, applicant.applicantId, verdict, findings);
  return (
    <Fieldset legend={t('verdict.for', { name: applicantName(applicant) })}>
      <Stack gap="sm">
        <Radio.Group
          label={t('verdict.result')}
          value={verdict}
          onChange={(value) => setVerdict(value as Verdict)}
          required
        >
          <Stack gap={6} mt={6}>
            <Radio value="pass" label={t('verdict.pass')} />
            <Radio value="fail" label={t('verdict.fail')} />
          </Stack>
        </Radio.Group>
        <Text size="sm" c="gray.7">
          {t('verdict.predicates')}
        </Text>
        {verdict === 'fail' && (
          <>
            <MultiSelect
              label={t('verdict.failedRules')}
              data={rules}
              value={ruleIds}
              onChange={(values) => setRuleIds(values.filter(isRuleId))}
              searchable
              required
            />
            {ruleIds.map((ruleId) => (
              <ReasonField
                key={ruleId}
                label={t('verdict.note', { rule: ruleId })}
                value={notes[ruleId] ?? ''}
                onChange={(note) => setNotes((all) => ({ ...all, [ruleId]: note }))}
                maxLength={1000}
                required
              />
            ))}
          </>
        )}
        <DecisionSubmit
          roundId={roundId}
          type="RecordAdministrativeVerdict"
          body={body}
          onDone={onDone}
          label={t('verdict.submit', { name: applicantName(applicant) })}
        />
      </Stack>
    </Fieldset>
  );
}
