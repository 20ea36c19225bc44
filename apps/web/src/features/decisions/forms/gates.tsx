import { NativeSelect, Radio, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionSubmit } from '../../../components/decision-submit';
import {
  dprdDecisionBody,
  gateLetterBody,
  governorReplyBody,
  withdrawAppointeeBody,
  type AppointeeWithdrawalCause,
  type DprdDecision,
  type GovernorDecision,
} from '../bodies';
import { useDecisionData } from '../context';
import type { DecisionForm, DecisionFormProps } from '../form-contract';
import { AppointeeLine, NumberField, ReasonField, RuleNote } from './fields';

/** A PPK gate recorded by its letter, for the kind of post it applies to; the note says whether it applies here and why. */
function gateLetterForm(gate: {
  type: 'ConsultDprdLeadership' | 'ReportToGovernor';
  ruleId: string;
  kind: string;
  applies: string;
  notApplicable: string;
  province?: string;
  appointee: boolean;
}): DecisionForm {
  return function GateLetterForm({ roundId, postId, onDone }: DecisionFormProps): React.JSX.Element {
    const { t } = useTranslation('decisions');
    const { post, facts } = useDecisionData();
    const [letterNumber, setLetterNumber] = useState('');
    // A provincial Sekda is not reported to the governor; the agency's level is known where the round's state is readable.
    const provincial = gate.province !== undefined && facts?.agencyLevel === 'province';
    const why =
      post?.kind !== gate.kind
        ? gate.notApplicable
        : provincial && gate.province
          ? gate.province
          : gate.applies;
    return (
      <Stack gap="md">
        <RuleNote ruleId={gate.ruleId} color={why === gate.applies ? 'blue' : 'yellow'}>
          {t(why)}
        </RuleNote>
        {gate.appointee && <AppointeeLine />}
        <NumberField label={t('gate.letterNumber')} value={letterNumber} onChange={setLetterNumber} />
        <DecisionSubmit
          roundId={roundId}
          type={gate.type}
          body={gateLetterBody(postId, letterNumber)}
          onDone={onDone}
        />
      </Stack>
    );
  };
}

/** ConsultDprdLeadership: an optional consultation before the choice; the approval follows it (R25). */
export const DprdConsultationForm = gateLetterForm({
  type: 'ConsultDprdLeadership',
  ruleId: 'R25',
  kind: 'sekwan',
  applies: 'gate.dprdApplies',
  notApplicable: 'gate.dprdNotApplicable',
  appointee: false,
});

/** ReportToGovernor: the request to coordinate a regency/city Sekda appointee with the governor (R24). */
export const GovernorReportForm = gateLetterForm({
  type: 'ReportToGovernor',
  ruleId: 'R24',
  kind: 'sekda',
  applies: 'gate.governorApplies',
  notApplicable: 'gate.governorNotApplicable',
  province: 'gate.governorProvince',
  appointee: true,
});

/** A reply letter to a PPK gate: the answer, and the reason a negative answer needs (it sends the PPK back to the other finalists). */
function replyForm<D extends string>(gate: {
  type: 'RecordGovernorReply' | 'RecordDprdLeadershipDecision';
  ruleId: string;
  intro: string;
  decisions: readonly [D, D];
  body: (postId: string | null, letterNumber: string, decision: D | null, reason: string) => object | null;
}): DecisionForm {
  const negative = gate.decisions[1];
  return function ReplyForm({ roundId, postId, onDone }: DecisionFormProps): React.JSX.Element {
    const { t } = useTranslation('decisions');
    const [letterNumber, setLetterNumber] = useState('');
    const [decision, setDecision] = useState<D | null>(null);
    const [reason, setReason] = useState('');
    return (
      <Stack gap="md">
        <RuleNote ruleId={gate.ruleId}>{t(gate.intro)}</RuleNote>
        <AppointeeLine />
        <NumberField label={t('gate.letterNumber')} value={letterNumber} onChange={setLetterNumber} />
        <Radio.Group
          label={t('gate.decision')}
          value={decision ?? ''}
          onChange={(value) => setDecision(value as D)}
          required
        >
          <Stack gap={6} mt={6}>
            {gate.decisions.map((value) => (
              <Radio key={value} value={value} label={t(`gate.${value}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <ReasonField
          label={t('reason.label')}
          description={t(decision === negative ? 'gate.reasonRequired' : 'reason.optional')}
          value={reason}
          onChange={setReason}
          required={decision === negative}
        />
        <DecisionSubmit
          roundId={roundId}
          type={gate.type}
          body={gate.body(postId, letterNumber, decision, reason) as never}
          onDone={onDone}
        />
      </Stack>
    );
  };
}

/** RecordGovernorReply: the governor agrees with the chosen regency/city Sekda, or objects (R24). */
export const GovernorReplyForm = replyForm<GovernorDecision>({
  type: 'RecordGovernorReply',
  ruleId: 'R24',
  intro: 'gate.governorReply',
  decisions: ['agreed', 'objected'],
  body: governorReplyBody,
});

/** RecordDprdLeadershipDecision: the DPRD leadership approves the chosen Sekwan, or refuses (R25). */
export const DprdDecisionForm = replyForm<DprdDecision>({
  type: 'RecordDprdLeadershipDecision',
  ruleId: 'R25',
  intro: 'gate.dprdDecision',
  decisions: ['approved', 'refused'],
  body: dprdDecisionBody,
});

const WITHDRAWAL_CAUSES: readonly AppointeeWithdrawalCause[] = [
  'declared',
  'retired',
  'sanctioned',
  'deceased',
  'final-check-failed',
];

/** WithdrawAppointee: the chosen finalist withdraws or fails the final check; the PPK chooses again (W12). */
export function WithdrawAppointeeForm({ roundId, postId, onDone }: DecisionFormProps): React.JSX.Element {
  const { t } = useTranslation('decisions');
  const [cause, setCause] = useState<AppointeeWithdrawalCause>('declared');
  const [note, setNote] = useState('');
  return (
    <Stack gap="md">
      <RuleNote ruleId="R23">{t('withdrawAppointee.intro')}</RuleNote>
      <AppointeeLine />
      <NativeSelect
        label={t('withdrawAppointee.cause')}
        value={cause}
        onChange={(e) => setCause(e.currentTarget.value as AppointeeWithdrawalCause)}
        data={WITHDRAWAL_CAUSES.map((value) => ({ value, label: t(`withdrawAppointee.${value}`) }))}
        required
      />
      <ReasonField
        label={t('withdrawAppointee.note')}
        value={note}
        onChange={setNote}
        required
        maxLength={1000}
      />
      <DecisionSubmit
        roundId={roundId}
        type="WithdrawAppointee"
        body={withdrawAppointeeBody(postId, cause, note)}
        onDone={onDone}
      />
    </Stack>
  );
}
