import { closeRegistration, extendRegistration } from './registration';
import { awaitedDecisions } from '../awaiting';
import type { ChaseDecision, PassRegistrationDeadline } from '../commands';
import { requireAnnounced, requirePost, requirePostStatus, type Ctx } from '../context';
import type { RoundEvent } from '../events';
import { chaseTimes } from '../schedule';
import type { RoundState } from '../state';
import { fail } from '../../shared/errors';
import { endOfDate, instantMillis, type IsoInstant } from '../../shared/time';

function requireDue(ctx: Ctx, at: IsoInstant, what: string): void {
  if (instantMillis(ctx.now) < instantMillis(at)) {
    fail('DEADLINE.NOT_DUE', `${what} baru jatuh tempo pada ${at}`, `${what} is not due before ${at}`, {
      at,
      now: ctx.now,
    });
  }
}

/**
 * PassRegistrationDeadline: the deadline day has ended. Enough applicants: registration closes.
 * Too few with extensions left: it is extended by the policy's days (R18, R19). Too few after the
 * last extension: the oversight body is asked (R19). The clock decides nothing else.
 */
export function passRegistrationDeadline(
  command: PassRegistrationDeadline,
  state: RoundState,
  ctx: Ctx,
): RoundEvent[] {
  const round = requireAnnounced(state, command.type);
  const post = requirePostStatus(requirePost(round, command.data.postId), ['registration'], command.type);
  requireDue(
    ctx,
    endOfDate(post.deadline, ctx.offset),
    `Batas pendaftaran ${post.plan.postId} / The registration deadline of ${post.plan.postId}`,
  );
  const { minApplicantsPerPost: min, maxExtensions: max } = ctx.policy.numbers;
  const applicants = post.applicants.filter((a) => !a.withdrawn).length;
  const data = { postId: post.plan.postId };
  if (applicants < min.value && post.extensions < max.value) {
    return extendRegistration({ type: 'ExtendRegistration', data, metadata: command.metadata }, state, ctx);
  }
  return closeRegistration({ type: 'CloseRegistration', data, metadata: command.metadata }, state, ctx);
}

/** ChaseDecision: an oversight or PPK decision past its service level is reminded, or escalated once. */
export function chaseDecision(command: ChaseDecision, state: RoundState, ctx: Ctx): RoundEvent[] {
  const { postId, decision, level } = command.data;
  const awaited = awaitedDecisions(state, ctx.policy).find(
    (a) => a.command === decision && a.postId === postId,
  );
  const times = awaited ? chaseTimes(awaited, ctx.policy) : undefined;
  const at = level === 'reminder' ? times?.reminderAt : times?.escalationAt;
  if (!awaited || !times || at === undefined || awaited.since === undefined || awaited.dueAt === undefined) {
    fail(
      'DECISION.NOT_AWAITED',
      `Keputusan ${decision}${postId ? ` (${postId})` : ''} tidak sedang ditunggu untuk ${level}`,
      `No ${level} is pending for ${decision}${postId ? ` on ${postId}` : ''}`,
      { decision, level, ...(postId !== undefined ? { postId } : {}) },
    );
  }
  requireDue(ctx, at, `Pengingat ${decision} / The ${level} of ${decision}`);
  const chase = {
    ...(postId !== undefined ? { postId } : {}),
    role: awaited.role,
    decision,
    waitingSince: awaited.since,
    dueAt: awaited.dueAt,
    serviceLevelDays: awaited.serviceLevelDays ?? 0,
  };
  if (level === 'reminder')
    return [ctx.emit('DecisionReminded', { ...chase, reminder: (awaited.reminders ?? 0) + 1 })];
  const waitedDays = Math.floor((instantMillis(ctx.now) - instantMillis(awaited.since)) / 86_400_000);
  const escalatedTo = awaited.role === 'oversight' ? 'oversight-leadership' : 'oversight-body';
  return [ctx.emit('DecisionEscalated', { ...chase, escalatedTo, waitedDays })];
}
