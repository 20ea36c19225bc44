import { Alert, Loader, Stack, Text, Textarea } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keys, useApiQuery } from '../../../api/query';
import { DecisionSubmit } from '../../../components/decision-submit';
import { useSession } from '../../../session-context';
import type { DecisionFormProps } from '../../decisions/form-contract';
import { loadPlan } from '../api';
import { emptyPlan, fromPlanBody, toPlanBody, type PlanDraft } from '../plan/draft';
import { PlanEditor } from '../plan/plan-editor';
import { savedPlan, savePlan, type SavedPlan } from '../plan/plan-store';
import { usePlanCheck } from '../plan/use-plan-check';
import type { StoredPlan } from '../types';

/**
 * RevisePlan: before the announcement only, the whole plan again with a reason (after a rejected
 * recommendation, or to change it before announcing); a revision needs a fresh recommendation.
 * It starts from the plan the round recorded (or, if the API cannot say, the one this browser sent).
 */
export function RevisePlanForm(props: DecisionFormProps): React.JSX.Element {
  const { session } = useSession();
  const { roundId } = props;
  const current = useApiQuery(keys.plan(roundId), () =>
    loadPlan(session?.token ?? '', roundId).catch(() => savedPlan(roundId)),
  );
  if (current.state === 'loading') return <Loader size="sm" />;
  return <ReviseEditor {...props} start={current.state === 'ready' ? current.data : null} />;
}

function ReviseEditor({
  roundId,
  onDone,
  start,
}: DecisionFormProps & {
  start: SavedPlan | { plan: StoredPlan; policyId?: string } | null;
}): React.JSX.Element {
  const { t } = useTranslation('operator');
  const { api } = useSession();
  const [plan, setPlan] = useState<PlanDraft>(() => (start ? fromPlanBody(start.plan) : emptyPlan()));
  const [reason, setReason] = useState('');
  const body = useMemo(
    () => (reason.trim() ? { plan: toPlanBody(plan), reason: reason.trim() } : null),
    [plan, reason],
  );
  const policyId = start?.policyId ?? null;
  // The API's findings on the revised plan under the round's policy (the same validators RevisePlan runs).
  const judgement = usePlanCheck(
    api,
    useMemo(() => ({ plan: toPlanBody(plan), ...(policyId ? { policyId } : {}) }), [plan, policyId]),
  );
  return (
    <Stack gap="md">
      {start ? (
        <Text size="sm">{t('forms.reviseFromCurrent', { policy: policyId ?? '–' })}</Text>
      ) : (
        <Alert color="gray">{t('forms.reviseNoPlan')}</Alert>
      )}
      <PlanEditor value={plan} onChange={setPlan} judgement={judgement} />
      <Textarea
        label={t('forms.reviseReason')}
        required
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <DecisionSubmit
        roundId={roundId}
        type="RevisePlan"
        body={body}
        onDone={(result) => {
          if (body) savePlan(roundId, { plan: body.plan, ...(policyId ? { policyId } : {}) });
          onDone(result);
        }}
      />
    </Stack>
  );
}
