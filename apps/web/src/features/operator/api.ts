import { bodyOf, getJson } from '../../api/call';
import type { Api } from '../../api/client';
import type { DecisionResult } from '../../api/decisions';
import { roundStateAt } from '../audit/api';
import type { ImportReport, PlanRoundRequest, StoredPlan } from './types';

// The round and a post's applicants, read as the round views read them.
export { getRound as loadRound, listApplicants as loadApplicants } from '../round/api';

/** POST /rounds: starts the round and records its plan; the key makes a retry record it once. */
export function planRound(
  api: Api,
  request: PlanRoundRequest,
  idempotencyKey: string,
): Promise<DecisionResult> {
  return bodyOf(
    api.POST('/rounds', { body: request, params: { header: { 'Idempotency-Key': idempotencyKey } } }),
  );
}

/** POST /rounds/{roundId}/applicant-imports: a CSV or XLSX file of applicants, answered row by row. */
export function importApplicants(
  token: string,
  roundId: string,
  file: File,
  idempotencyKey: string,
): Promise<ImportReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  return getJson<ImportReport>(`/rounds/${encodeURIComponent(roundId)}/applicant-imports`, token, {
    method: 'POST',
    body: form,
    headers: { 'idempotency-key': idempotencyKey },
  });
}

/**
 * The round's plan as recorded and the policy it was planned under: the head state folded from the
 * round's events (GET /rounds/{roundId}/audit/state, apps/api/src/audit/round-state). Null before a plan.
 */
export async function loadPlan(
  token: string,
  roundId: string,
): Promise<{ plan: StoredPlan; policyId?: string } | null> {
  const { policy, state } = await roundStateAt(roundId, token);
  // The recorded plan is the plan body the API accepted, read-only.
  return state.plan ? { plan: state.plan, ...(policy ? { policyId: policy.id } : {}) } : null;
}
