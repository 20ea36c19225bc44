import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { keys, useApiQuery, useReadAfterWrite } from '../../api/query';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem-alert';
import { ROUTES } from '../../routes';
import { useSession } from '../../session-context';
import { planRound } from './api';
import { emptyPlan, fromPlanBody, toPlanBody, type PlanDraft } from './plan/draft';
import { examplePlan, exampleRoundId } from './plan/example';
import { PlanEditor } from './plan/plan-editor';
import { loadPolicies, todayInJakarta } from './plan/policies';
import { PolicyField } from './plan/policy-field';
import { savePlan } from './plan/plan-store';
import { usePlanCheck } from './plan/use-plan-check';
import type { PlanRoundRequest } from './types';

/**
 * Plans a round (POST /rounds): the plan editor with the API's live findings (POST
 * /rounds/plan-check), the policy versions the API offers (GET /policies), and the API's refusal
 * (code, rule, legal source) if it judges otherwise; then on to the round's view.
 */
export function PlanRound(): React.JSX.Element {
  const { t } = useTranslation('operator');
  const { t: tc } = useTranslation();
  const { session, api } = useSession();
  const readAfterWrite = useReadAfterWrite();
  const navigate = useNavigate();
  const today = useMemo(() => todayInJakarta(), []);
  const isAdmin = session?.user.role === 'admin';
  const [roundId, setRoundId] = useState('');
  const [agency, setAgency] = useState(session?.user.agency ?? '');
  const [policyId, setPolicyId] = useState<string | null>(null);
  const [plan, setPlan] = useState<PlanDraft>(emptyPlan);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const policies = useApiQuery(keys.policies, () => loadPolicies(api));

  const request: PlanRoundRequest = useMemo(
    () => ({
      roundId: roundId.trim(),
      ...(isAdmin && agency.trim() ? { agency: agency.trim() } : {}),
      ...(policyId ? { policyId } : {}),
      plan: toPlanBody(plan),
    }),
    [roundId, isAdmin, agency, policyId, plan],
  );
  const serialized = JSON.stringify(request);
  // The dry run needs no round id: the rules judge the plan, the policy and the agency.
  const judgement = usePlanCheck(
    api,
    useMemo(() => {
      const { roundId: _roundId, ...rest } = request;
      return rest;
    }, [request]),
  );
  // One Idempotency-Key per distinct request: sending the same plan again is a retry.
  const key = useMemo(() => (serialized ? crypto.randomUUID() : ''), [serialized]);

  function fillExample(): void {
    const code = agency.trim() || session?.user.agency || 'kabcontoh';
    setRoundId(exampleRoundId(today));
    setPolicyId(null);
    setPlan(fromPlanBody(examplePlan(code, today)));
    setFailure(null);
  }

  async function submit(): Promise<void> {
    setSending(true);
    setFailure(null);
    try {
      const result = await planRound(api, request, key);
      savePlan(result.roundId, { plan: request.plan, ...(policyId ? { policyId } : {}) });
      // The round view reads the read models: on once they show the plan (read your writes, ADR 23).
      await readAfterWrite(result.roundId, result.version);
      void navigate(ROUTES.round(result.roundId));
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  }

  return (
    <Page
      name="plan-round"
      title={t('planTitle')}
      actions={
        <Button variant="default" onClick={fillExample} data-testid="fill-example">
          {t('plan.fillExample')}
        </Button>
      }
    >
      <Text size="sm">{t('plan.intro')}</Text>
      <Stack gap="sm" maw={720}>
        <TextInput
          label={t('plan.roundId')}
          description={t('plan.roundIdHint', { agency: agency || '…' })}
          required
          value={roundId}
          onChange={(e) => setRoundId(e.currentTarget.value)}
        />
        {isAdmin && (
          <TextInput
            label={t('plan.agencyCode')}
            description={t('plan.agencyCodeHint')}
            required
            value={agency}
            onChange={(e) => setAgency(e.currentTarget.value)}
          />
        )}
        <PolicyField
          value={policyId}
          onChange={setPolicyId}
          policies={policies.state === 'ready' ? policies.data : undefined}
        />
      </Stack>
      <PlanEditor value={plan} onChange={setPlan} judgement={judgement} />
      {failure !== null && <ProblemAlert failure={failure} />}
      <Text size="sm">{t('plan.apiJudges')}</Text>
      <Group>
        <Button onClick={() => void submit()} loading={sending} data-testid="plan-submit">
          {tc('commands.PlanRound')}
        </Button>
      </Group>
    </Page>
  );
}
