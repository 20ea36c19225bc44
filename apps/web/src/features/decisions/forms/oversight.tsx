import { Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionSubmit } from '../../../components/decision-submit';
import {
  inaugurationRecommendationBody,
  planRecommendationBody,
  underfilledBody,
  type PlanDecision,
  type UnderfilledDecision,
} from '../bodies';
import { useDecisionData } from '../context';
import type { DecisionFormProps } from '../form-contract';
import { AppointeeLine, OversightLetterFields, ReasonField, RuleNote, useOversightBody } from './fields';

const PLAN_DECISIONS: PlanDecision[] = ['approved', 'rejected'];
const UNDERFILLED_DECISIONS: UnderfilledDecision[] = ['continue', 'drop', 'postpone'];

/** RecordPlanRecommendation: the overseer approves the round's plan, or rejects it with a reason (then the operator revises). */
export function PlanRecommendationForm({ roundId, onDone }: DecisionFormProps): React.JSX.Element {
  const { t } = useTranslation('decisions');
  const issuedBy = useOversightBody();
  const [letterNumber, setLetterNumber] = useState('');
  const [decision, setDecision] = useState<PlanDecision | null>(null);
  const [reason, setReason] = useState('');
  return (
    <Stack gap="md">
      <Text>{t('planRecommendation.intro')}</Text>
      <OversightLetterFields letterNumber={letterNumber} onLetterNumber={setLetterNumber} />
      <Radio.Group
        label={t('planRecommendation.decision')}
        value={decision}
        onChange={(value) => setDecision(value as PlanDecision)}
        required
      >
        <Stack gap={6} mt={6}>
          {PLAN_DECISIONS.map((value) => (
            <Radio key={value} value={value} label={t(`planRecommendation.${value}`)} />
          ))}
        </Stack>
      </Radio.Group>
      <ReasonField
        label={t('reason.label')}
        description={t(decision === 'rejected' ? 'reason.required' : 'reason.optional')}
        value={reason}
        onChange={setReason}
        required={decision === 'rejected'}
      />
      <DecisionSubmit
        roundId={roundId}
        type="RecordPlanRecommendation"
        body={planRecommendationBody(issuedBy, letterNumber, decision, reason)}
        onDone={onDone}
      />
    </Stack>
  );
}

/** DecideUnderfilledPost: after the last extension the overseer continues with fewer, drops or postpones the post (R18, R19). */
export function UnderfilledPostForm({ roundId, postId, onDone }: DecisionFormProps): React.JSX.Element {
  const { t } = useTranslation('decisions');
  const { post } = useDecisionData();
  const issuedBy = useOversightBody();
  const [letterNumber, setLetterNumber] = useState('');
  const [decision, setDecision] = useState<UnderfilledDecision | null>(null);
  const [reason, setReason] = useState('');
  return (
    <Stack gap="md">
      <RuleNote ruleId="R19">
        {post?.status === 'awaiting-oversight'
          ? t('underfilled.why', { applicants: post.applicants, extensions: post.extensions })
          : t('underfilled.general')}
      </RuleNote>
      <OversightLetterFields letterNumber={letterNumber} onLetterNumber={setLetterNumber} />
      <Radio.Group
        label={t('underfilled.decision')}
        value={decision}
        onChange={(value) => setDecision(value as UnderfilledDecision)}
        required
      >
        <Stack gap={6} mt={6}>
          {UNDERFILLED_DECISIONS.map((value) => (
            <Radio
              key={value}
              value={value}
              label={t(`underfilled.${value}`)}
              description={t(`underfilled.${value}Hint`)}
            />
          ))}
        </Stack>
      </Radio.Group>
      <ReasonField
        label={t('reason.label')}
        description={t('reason.required')}
        value={reason}
        onChange={setReason}
        required
      />
      <DecisionSubmit
        roundId={roundId}
        type="DecideUnderfilledPost"
        body={underfilledBody(postId, issuedBy, letterNumber, decision, reason)}
        onDone={onDone}
      />
    </Stack>
  );
}

/** RecordInaugurationRecommendation: the overseer's letter recommending the chosen appointee's inauguration. */
export function InaugurationRecommendationForm({
  roundId,
  postId,
  onDone,
}: DecisionFormProps): React.JSX.Element {
  const { t } = useTranslation('decisions');
  const issuedBy = useOversightBody();
  const [letterNumber, setLetterNumber] = useState('');
  return (
    <Stack gap="md">
      <AppointeeLine />
      <Text size="sm" c="gray.7">
        {t('inaugurationRecommendation.hint')}
      </Text>
      <OversightLetterFields letterNumber={letterNumber} onLetterNumber={setLetterNumber} />
      <DecisionSubmit
        roundId={roundId}
        type="RecordInaugurationRecommendation"
        body={inaugurationRecommendationBody(postId, issuedBy, letterNumber)}
        onDone={onDone}
      />
    </Stack>
  );
}
