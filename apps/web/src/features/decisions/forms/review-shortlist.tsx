import { Checkbox, Fieldset, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionSubmit } from '../../../components/decision-submit';
import { applicantName, SHORTLIST_SIZE } from '../applicants';
import { reviewShortlistBody, type IneligibleFinding } from '../bodies';
import { useDecisionData } from '../context';
import type { DecisionFormProps } from '../form-contract';
import { OversightLetterFields, ReasonField, RuleNote, useOversightBody } from './fields';
import { RankingTable } from './ranking-table';
import { isRuleId, useRuleOptions } from './rule-options';
import { useShortlist } from './use-shortlist';

/** ReviewShortlist: the overseer's review of the tiga besar; a finalist found ineligible needs the reason, and fewer than three names need the overseer's acceptance (R22). */
export function ReviewShortlistForm({ roundId, postId, onDone }: DecisionFormProps): React.JSX.Element {
  const { t } = useTranslation('decisions');
  const { applicants } = useDecisionData();
  const issuedBy = useOversightBody();
  const { finalists, caption } = useShortlist(false);
  const [letterNumber, setLetterNumber] = useState('');
  const [findings, setFindings] = useState<Record<string, IneligibleFinding>>({});
  const [acceptFewer, setAcceptFewer] = useState(false);
  const flagged = finalists
    .filter((a) => findings[a.applicantId])
    .map((a) => findings[a.applicantId] as IneligibleFinding);
  const remaining = finalists.length - flagged.length;
  const flag = (applicantId: string, on: boolean) =>
    setFindings((all) => {
      const { [applicantId]: _dropped, ...rest } = all;
      return on
        ? { ...rest, [applicantId]: { applicantId, ruleId: null, reasonId: '', reasonEn: '' } }
        : rest;
    });
  const update = (applicantId: string, patch: Partial<IneligibleFinding>) =>
    setFindings((all) => ({
      ...all,
      [applicantId]: { ...(all[applicantId] as IneligibleFinding), ...patch },
    }));
  return (
    <Stack gap="md">
      <RankingTable
        applicants={finalists}
        caption={caption}
        control={{
          header: t('review.ineligible'),
          cell: (a) => (
            <Checkbox
              aria-label={t('review.ineligibleOf', { name: applicantName(a) })}
              checked={findings[a.applicantId] !== undefined}
              onChange={(event) => flag(a.applicantId, event.currentTarget.checked)}
            />
          ),
        }}
      />
      {flagged.map((finding) => (
        <IneligibleEditor
          key={finding.applicantId}
          finding={finding}
          name={applicantName(applicants.find((a) => a.applicantId === finding.applicantId))}
          onChange={(patch) => update(finding.applicantId, patch)}
        />
      ))}
      {remaining < SHORTLIST_SIZE && (
        <RuleNote ruleId="R22" color="yellow">
          <Text span size="sm">
            {t('review.fewer', { remaining, size: SHORTLIST_SIZE })}
          </Text>
          <Checkbox
            mt="xs"
            label={t('review.acceptFewer')}
            checked={acceptFewer}
            onChange={(event) => setAcceptFewer(event.currentTarget.checked)}
          />
        </RuleNote>
      )}
      <OversightLetterFields letterNumber={letterNumber} onLetterNumber={setLetterNumber} />
      <DecisionSubmit
        roundId={roundId}
        type="ReviewShortlist"
        body={reviewShortlistBody(
          postId,
          issuedBy,
          letterNumber,
          flagged,
          acceptFewer && remaining < SHORTLIST_SIZE,
        )}
        onDone={onDone}
      />
    </Stack>
  );
}

function IneligibleEditor({
  finding,
  name,
  onChange,
}: {
  finding: IneligibleFinding;
  name: string;
  onChange: (patch: Partial<IneligibleFinding>) => void;
}): React.JSX.Element {
  const { t } = useTranslation('decisions');
  const rules = useRuleOptions();
  return (
    <Fieldset legend={t('review.findingFor', { name })}>
      <Stack gap="sm">
        <Select
          label={t('review.rule')}
          data={rules}
          value={finding.ruleId}
          onChange={(value) => onChange({ ruleId: isRuleId(value) ? value : null })}
          clearable
          searchable
        />
        <ReasonField
          label={t('review.reasonId')}
          value={finding.reasonId}
          onChange={(reasonId) => onChange({ reasonId })}
          maxLength={1000}
          required
        />
        <ReasonField
          label={t('review.reasonEn')}
          description={t('review.reasonEnHint')}
          value={finding.reasonEn}
          onChange={(reasonEn) => onChange({ reasonEn })}
          maxLength={1000}
        />
      </Stack>
    </Fieldset>
  );
}
