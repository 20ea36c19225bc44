import { awaitedDecisions, type AwaitedDecision } from './awaiting';
import type { ChaseDecision, ClockRoundCommand, PassRegistrationDeadline } from './commands';
import type { PostState, RoundState } from './state';
import type { Policy } from '../policy/types';
import { daysAfter, endOfDate, instantMillis, type IsoInstant } from '../shared/time';

/** A command the round's own clock will issue at an instant, unless the state moves on first. */
export type ScheduledCommand =
  | {
      readonly at: IsoInstant;
      readonly type: 'PassRegistrationDeadline';
      readonly data: PassRegistrationDeadline['data'];
    }
  | { readonly at: IsoInstant; readonly type: 'ChaseDecision'; readonly data: ChaseDecision['data'] };

/** When an awaited decision is next chased: the next reminder, and the escalation unless already raised. */
export function chaseTimes(
  awaited: AwaitedDecision,
  policy: Policy,
): { reminderAt: IsoInstant; escalationAt?: IsoInstant } | undefined {
  const { since, dueAt, serviceLevelDays } = awaited;
  if (since === undefined || dueAt === undefined || serviceLevelDays === undefined) return undefined;
  const { reminderEveryDays, escalateAfterDays } = policy.serviceLevels;
  // After an outage the missed reminders collapse into one: the next is an interval after the last sent.
  const reminderAt = awaited.remindedAt ? daysAfter(awaited.remindedAt, reminderEveryDays.value) : dueAt;
  if (awaited.escalated) return { reminderAt };
  return { reminderAt, escalationAt: daysAfter(since, Math.max(serviceLevelDays, escalateAfterDays.value)) };
}

/** True when the registration deadline of a post is the clock's to act on (no approval to wait for). */
function closesByItself(post: PostState, policy: Policy): boolean {
  const { minApplicantsPerPost: min, maxExtensions: max } = policy.numbers;
  const applicants = post.applicants.filter((a) => !a.withdrawn).length;
  return (
    policy.gates.extensionApproval.value === 'none' || applicants >= min.value || post.extensions >= max.value
  );
}

/**
 * Every command the round's clock has pending, earliest first: a registration deadline per open
 * post (R18, R19: it closes, or extends below the minimum), and a reminder and an escalation per
 * oversight or PPK decision past its service level. A deadline day ends at midnight in `offset`, the
 * agency's zone (WIB by default). A pure function of the state: a workflow
 * sleeps until the first one, and recomputes after any change.
 */
export function roundSchedule(state: RoundState, policy: Policy, offset?: string): ScheduledCommand[] {
  const scheduled: ScheduledCommand[] = [];
  if (state.status === 'announced') {
    for (const postId of state.postIds) {
      const post = state.posts[postId];
      if (post?.status === 'registration' && closesByItself(post, policy)) {
        scheduled.push({
          at: endOfDate(post.deadline, offset),
          type: 'PassRegistrationDeadline',
          data: { postId },
        });
      }
    }
  }
  for (const awaited of awaitedDecisions(state, policy)) {
    const times = chaseTimes(awaited, policy);
    if (!times) continue;
    const scope = awaited.postId !== undefined ? { postId: awaited.postId } : {};
    scheduled.push({
      at: times.reminderAt,
      type: 'ChaseDecision',
      data: { ...scope, decision: awaited.command, level: 'reminder' },
    });
    if (times.escalationAt) {
      scheduled.push({
        at: times.escalationAt,
        type: 'ChaseDecision',
        data: { ...scope, decision: awaited.command, level: 'escalation' },
      });
    }
  }
  return scheduled.sort((a, b) => instantMillis(a.at) - instantMillis(b.at));
}

/** The scheduled commands due at `now`, earliest first. */
export function dueCommands(
  state: RoundState,
  policy: Policy,
  now: IsoInstant,
  offset?: string,
): ScheduledCommand[] {
  const at = instantMillis(now);
  return roundSchedule(state, policy, offset).filter((s) => instantMillis(s.at) <= at);
}

export type { ClockRoundCommand };
