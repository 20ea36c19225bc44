import { Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionSubmit } from '../../../components/decision-submit';
import { gateLetterBody } from '../bodies';
import { useDecisionData } from '../context';
import type { DecisionForm, DecisionFormProps } from '../form-contract';
import { AppointeeLine, NumberField, RuleNote } from './fields';

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

/** ConsultDprdLeadership: the DPRD secretary is chosen only after consulting the DPRD leadership (R25). */
export const DprdConsultationForm = gateLetterForm({
  type: 'ConsultDprdLeadership',
  ruleId: 'R25',
  kind: 'sekwan',
  applies: 'gate.dprdApplies',
  notApplicable: 'gate.dprdNotApplicable',
  appointee: false,
});

/** ReportToGovernor: a regency/city Sekda appointee is reported to the governor before the decree (R24). */
export const GovernorReportForm = gateLetterForm({
  type: 'ReportToGovernor',
  ruleId: 'R24',
  kind: 'sekda',
  applies: 'gate.governorApplies',
  notApplicable: 'gate.governorNotApplicable',
  province: 'gate.governorProvince',
  appointee: true,
});
