import { Radio, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionSubmit } from '../../../components/decision-submit';
import { gateLetterBody, mendagriBody, type MendagriPurpose } from '../bodies';
import { useDecisionData } from '../context';
import type { DecisionForm, DecisionFormProps } from '../form-contract';
import { AppointeeLine, NumberField, READABLE, RuleNote } from './fields';

const PURPOSES: MendagriPurpose[] = ['selection', 'inauguration'];

/** A PPK gate recorded by its letter, for the kind of post it applies to; the note says whether it applies here and why. */
function gateLetterForm(gate: { type: 'ConsultDprdLeadership' | 'ReportToGovernor'; ruleId: string; kind: string; applies: string; notApplicable: string; province?: string; appointee: boolean }): DecisionForm {
  return function GateLetterForm({ roundId, postId, onDone }: DecisionFormProps): React.JSX.Element {
    const { t } = useTranslation('decisions');
    const { post, facts } = useDecisionData();
    const [letterNumber, setLetterNumber] = useState('');
    // A provincial Sekda is not reported to the governor; the agency's level is known where the round's state is readable.
    const provincial = gate.province !== undefined && facts?.agencyLevel === 'province';
    const why = post?.kind !== gate.kind ? gate.notApplicable : provincial && gate.province ? gate.province : gate.applies;
    return (
      <Stack gap="md">
        <RuleNote ruleId={gate.ruleId} color={why === gate.applies ? 'blue' : 'yellow'}>
          {t(why)}
        </RuleNote>
        {gate.appointee && <AppointeeLine />}
        <NumberField label={t('gate.letterNumber')} value={letterNumber} onChange={setLetterNumber} />
        <DecisionSubmit roundId={roundId} type={gate.type} body={gateLetterBody(postId, letterNumber)} onDone={onDone} />
      </Stack>
    );
  };
}

/** ConsultDprdLeadership: the DPRD secretary is chosen only after consulting the DPRD leadership (R25). */
export const DprdConsultationForm = gateLetterForm({ type: 'ConsultDprdLeadership', ruleId: 'R25', kind: 'sekwan', applies: 'gate.dprdApplies', notApplicable: 'gate.dprdNotApplicable', appointee: false });

/** ReportToGovernor: a regency/city Sekda appointee is reported to the governor before the decree (R24). */
export const GovernorReportForm = gateLetterForm({ type: 'ReportToGovernor', ruleId: 'R24', kind: 'sekda', applies: 'gate.governorApplies', notApplicable: 'gate.governorNotApplicable', province: 'gate.governorProvince', appointee: true });

/** RecordMendagriApproval: the Home Affairs Minister's written approval inside an election window (R29), for the selection or one post's inauguration. */
export function MendagriApprovalForm({ roundId, postId, onDone }: DecisionFormProps): React.JSX.Element {
  const { t } = useTranslation('decisions');
  const { round } = useDecisionData();
  const [purpose, setPurpose] = useState<MendagriPurpose | null>(postId ? 'inauguration' : null);
  const [forPost, setForPost] = useState<string | null>(postId);
  const [letterNumber, setLetterNumber] = useState('');
  const posts = round.posts.map((p) => ({ value: p.postId, label: p.title ?? p.postId }));
  return (
    <Stack gap="md">
      <RuleNote ruleId="R29">{t('gate.mendagriWhy')}</RuleNote>
      <Radio.Group label={t('gate.purpose')} value={purpose} onChange={(value) => setPurpose(value as MendagriPurpose)} required>
        <Stack gap={6} mt={6}>
          {PURPOSES.map((value) => (
            <Radio key={value} value={value} label={t(`gate.purpose_${value}`)} />
          ))}
        </Stack>
      </Radio.Group>
      {purpose === 'inauguration' && <Select label={t('gate.post')} description={t('gate.postHint')} styles={READABLE} data={posts} value={forPost} onChange={setForPost} clearable />}
      <NumberField label={t('gate.letterNumber')} value={letterNumber} onChange={setLetterNumber} />
      <Text size="sm" c="gray.7">
        {t('gate.mendagriRole')}
      </Text>
      <DecisionSubmit roundId={roundId} type="RecordMendagriApproval" body={mendagriBody(purpose, purpose === 'inauguration' ? forPost : null, letterNumber)} onDone={onDone} />
    </Stack>
  );
}
