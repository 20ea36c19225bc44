import type { RoundCommand } from './commands';
import type { RoundEvent, RoundEventData, RoundEventType } from './events';
import type { AnnouncedRound, PostState, RoundState } from './state';
import { getPolicy, holidaysOf, type PolicyRegistry } from '../policy/registry';
import type { GateAuthority, OversightGate, Policy } from '../policy/types';
import { decisionDateOf, gateHolderOn } from '../oversight/bodies';
import { bodyRefusal } from '../oversight/refuse';
import { fail } from '../shared/errors';
import { eventMetadataOf, type EventMetadata } from '../shared/metadata';
import type { RoundCalendar } from '../calendar/calendar';
import { holidaysOfCalendar } from '../calendar/calendar';
import { dateIn, dateOf, ROUND_OFFSET, type Holidays, type IsoDate, type IsoInstant } from '../shared/time';

/** How a decider is bound beyond its policies and calendar. */
export interface DeciderOptions {
  /**
   * Accept an AnnounceRound without stage schedule and media, as before R6 required them: only a
   * workflow replaying a history recorded before (a Temporal patch marker tells, ADR 35) sets it.
   */
  readonly announcementContentOptional?: boolean;
}

/** What every command handler needs: the round's own policy, today's date and an event factory. */
export interface Ctx {
  readonly roundId: string;
  readonly policy: Policy;
  readonly holidays: Holidays;
  /** The offset of the agency's zone: deadline days end at midnight there (WIB for rounds without a calendar). */
  readonly offset: string;
  readonly now: IsoInstant;
  readonly today: IsoDate;
  /** R6: whether AnnounceRound must carry the stage schedule and media (false only to replay old histories). */
  readonly announcementContentRequired: boolean;
  readonly emit: <T extends RoundEventType>(
    type: T,
    data: RoundEventData<T>,
  ) => Extract<RoundEvent, { type: T }>;
}

/**
 * Builds the handler context; the policy comes from the state (or, for PlanRound, from the command).
 * With the round's pinned calendar, days off and "today" come from it and the agency's zone; without
 * one (rounds recorded before calendars were data) from the policy's list and the instant's own offset.
 */
export function contextFor(
  command: RoundCommand,
  roundId: string,
  policy: Policy,
  calendar?: RoundCalendar,
  options: DeciderOptions = {},
): Ctx {
  const metadata: EventMetadata = eventMetadataOf(command.metadata);
  const now = command.metadata.now;
  const today = calendar ? dateIn(now, calendar.offset) : dateOf(now);
  return {
    roundId,
    policy,
    now,
    today,
    offset: calendar?.offset ?? ROUND_OFFSET,
    announcementContentRequired: !options.announcementContentOptional,
    holidays: calendar ? holidaysOfCalendar(calendar) : holidaysOf(policy),
    // The generic pairing of `type` and `data` is checked at each call site; TS cannot re-prove it here.
    emit: (type, data) => ({ type, data: { ...data, roundId, at: now }, metadata }) as unknown as never,
  };
}

export function policyOf(state: Exclude<RoundState, { status: 'empty' }>, registry: PolicyRegistry): Policy {
  return getPolicy(state.policyId, registry);
}

/** The announced round, or ROUND.WRONG_STATUS naming the status it is in. */
export function requireAnnounced(state: RoundState, command: string): AnnouncedRound {
  if (state.status !== 'announced') {
    fail(
      'ROUND.WRONG_STATUS',
      `Perintah ${command} tidak dapat dijalankan pada status ronde ${state.status}`,
      `${command} is not allowed while the round is ${state.status}`,
      { status: state.status, command },
    );
  }
  return state;
}

/** The post's sub-state, or POST.UNKNOWN. */
export function requirePost(state: AnnouncedRound, postId: string): PostState {
  const post = state.posts[postId];
  if (!post)
    fail(
      'POST.UNKNOWN',
      `Jabatan ${postId} tidak ada dalam ronde ini`,
      `Post ${postId} is not in this round`,
      { postId },
    );
  return post;
}

/** Narrows the post to one of the given statuses, or POST.WRONG_STATUS. */
export function requirePostStatus<S extends PostState['status']>(
  post: PostState,
  statuses: readonly S[],
  command: string,
): Extract<PostState, { status: S }> {
  if (!(statuses as readonly string[]).includes(post.status)) {
    fail(
      'POST.WRONG_STATUS',
      `Perintah ${command} tidak dapat dijalankan pada jabatan berstatus ${post.status}`,
      `${command} is not allowed while post ${post.plan.postId} is ${post.status}`,
      { postId: post.plan.postId, status: post.status, expected: statuses },
    );
  }
  return post as Extract<PostState, { status: S }>;
}

/** The body holding a gate on the command's date (`none` when the round's policy has no such gate). */
export const holderOf = (ctx: Pick<Ctx, 'policy' | 'now'>, gate: OversightGate): GateAuthority =>
  gateHolderOn(ctx.policy, gate, decisionDateOf(ctx.now)).holder;

/**
 * Refuses a letter from a body that does not hold the gate on the decision's date: the round's
 * policy says whether the gate exists, the succession of oversight bodies who holds it that day.
 */
export function requireAuthority(
  ctx: Pick<Ctx, 'policy' | 'now'>,
  gate: OversightGate,
  issuedBy: string | undefined,
): GateAuthority {
  const { policy } = ctx;
  const holder = holderOf(ctx, gate);
  if (holder === 'none') {
    fail(
      'GATE.NOT_IN_POLICY',
      `Gerbang ${gate} tidak ada dalam kebijakan ${policy.id}`,
      `Gate ${gate} does not exist under policy ${policy.id}`,
      { gate, policyId: policy.id },
    );
  }
  const refusal = bodyRefusal(policy, gate, ctx.now, issuedBy);
  if (refusal) throw refusal;
  return holder;
}

/** Refuses an empty reason: cancellations, rejections and amendments must say why. */
export function requireReason(reason: string | undefined, what: string): string {
  if (!reason || reason.trim().length === 0) {
    fail('REASON.REQUIRED', `Alasan wajib diisi untuk ${what}`, `A reason is required for ${what}`, { what });
  }
  return reason;
}
