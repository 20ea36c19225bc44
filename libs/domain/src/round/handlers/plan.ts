import type {
  PlanRound,
  RecordMendagriApproval,
  RecordPlanRecommendation,
  RevisePlan,
  SubmitPlanForRecommendation,
} from '../commands';
import { holderOf, requireAuthority, requireReason, type Ctx } from '../context';
import type { RoundEvent } from '../events';
import type { RoundState } from '../state';
import { validatePlan } from '../validate-plan';
import { fail } from '../../shared/errors';

/** PlanRound: posts, pansel, schedule, stage catalogue and the policy version, checked against that policy. */
export function planRound(command: PlanRound, state: RoundState, ctx: Ctx): RoundEvent[] {
  if (state.status !== 'empty') {
    fail(
      'ROUND.ALREADY_PLANNED',
      `Ronde ${ctx.roundId} sudah direncanakan`,
      `Round ${ctx.roundId} is already planned`,
      {},
    );
  }
  validatePlan(command.data.plan, ctx.today, ctx.policy, ctx.holidays);
  return [ctx.emit('RoundPlanned', { plan: command.data.plan, policyId: ctx.policy.id })];
}

/** RevisePlan: before announcement only; a revision needs a fresh recommendation. */
export function revisePlan(command: RevisePlan, state: RoundState, ctx: Ctx): RoundEvent[] {
  if (state.status === 'announced' || state.status === 'closed') {
    fail(
      'ROUND.RULES_FROZEN',
      'Rencana dan katalog tahap dibekukan sejak pengumuman; gunakan amandemen dengan persetujuan pengawas',
      'The plan and stage catalogue are frozen since the announcement; use an amendment approved by the overseer',
      { status: state.status },
    );
  }
  if (state.status !== 'planned' && state.status !== 'rejected' && state.status !== 'recommended') {
    fail(
      'ROUND.WRONG_STATUS',
      `Rencana tidak dapat direvisi pada status ${state.status}`,
      `The plan cannot be revised while the round is ${state.status}`,
      { status: state.status },
    );
  }
  const reason = requireReason(command.data.reason, 'revisi rencana / plan revision');
  validatePlan(command.data.plan, ctx.today, ctx.policy, ctx.holidays);
  return [ctx.emit('PlanRevised', { plan: command.data.plan, reason })];
}

/** SubmitPlanForRecommendation: to the body holding the plan gate (or straight through if none does). */
export function submitPlan(_command: SubmitPlanForRecommendation, state: RoundState, ctx: Ctx): RoundEvent[] {
  if (state.status !== 'planned') {
    fail(
      'ROUND.WRONG_STATUS',
      `Rencana hanya dapat diajukan pada status planned, bukan ${state.status}`,
      `The plan can be submitted only while planned, not ${state.status}`,
      { status: state.status },
    );
  }
  return [ctx.emit('PlanSubmittedForRecommendation', { to: holderOf(ctx, 'planRecommendation') })];
}

/** RecordPlanRecommendation: the overseer approves, or rejects with a reason (then revise and resubmit). */
export function recordPlanRecommendation(
  command: RecordPlanRecommendation,
  state: RoundState,
  ctx: Ctx,
): RoundEvent[] {
  if (state.status !== 'submitted') {
    fail(
      'ROUND.WRONG_STATUS',
      `Rekomendasi rencana hanya untuk rencana yang diajukan (status ${state.status})`,
      `A plan recommendation needs a submitted plan (status ${state.status})`,
      { status: state.status },
    );
  }
  const { issuedBy, letterNumber, decision } = command.data;
  requireAuthority(ctx, 'planRecommendation', issuedBy);
  if (decision === 'approved') return [ctx.emit('PlanRecommended', { issuedBy, letterNumber })];
  const reason = requireReason(command.data.reason, 'penolakan rekomendasi / rejected recommendation');
  return [ctx.emit('PlanRecommendationRejected', { issuedBy, letterNumber, reason })];
}

/** RecordMendagriApproval: the Home Affairs Minister's written approval for an election window (R29). */
export function recordMendagriApproval(
  command: RecordMendagriApproval,
  state: RoundState,
  ctx: Ctx,
): RoundEvent[] {
  if (state.status === 'empty' || state.status === 'cancelled' || state.status === 'closed') {
    fail(
      'ROUND.WRONG_STATUS',
      `Persetujuan Mendagri tidak dapat dicatat pada status ${state.status}`,
      `A Mendagri approval cannot be recorded while the round is ${state.status}`,
      { status: state.status },
    );
  }
  const { purpose, postId, letterNumber } = command.data;
  if (postId !== undefined && !state.plan.posts.some((p) => p.postId === postId)) {
    fail(
      'POST.UNKNOWN',
      `Jabatan ${postId} tidak ada dalam ronde ini`,
      `Post ${postId} is not in this round`,
      { postId },
    );
  }
  return [
    ctx.emit('MendagriApprovalRecorded', {
      purpose,
      letterNumber,
      ...(postId !== undefined ? { postId } : {}),
    }),
  ];
}
