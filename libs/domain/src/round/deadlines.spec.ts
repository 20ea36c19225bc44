import { awaitedDecisions } from './awaiting';
import { decide } from './decide';
import { dueCommands, roundSchedule } from './schedule';
import type { RoundState } from './state';
import { getPolicy } from '../policy/registry';
import { planOfPosts, ROUND_CLOCK_ACTOR, RoundBuilder, runClock } from '../testing';
import type { CommandMetadata } from '../shared/metadata';
import { daysAfter, endOfDate, instantAt, instantMillis } from '../shared/time';

const CLOCK: CommandMetadata['actor'] = ROUND_CLOCK_ACTOR;
const at = (now: string): CommandMetadata => ({ now, actor: CLOCK, correlationId: 'clock' });
const policy = getPolicy('bkn-2024');

/** Runs every command the clock has due at `now`, as the workflow does, and returns their event types. */
function tick(b: RoundBuilder, now: string): string[] {
  const types: string[] = [];
  for (
    let due = dueCommands(b.stream.state, policy, now);
    due.length > 0;
    due = dueCommands(b.stream.state, policy, now)
  ) {
    const [next] = due;
    if (!next) break;
    const events = b.stream.run({ type: next.type, data: next.data, metadata: at(now) } as never);
    types.push(...events.map((e) => e.type));
  }
  return types;
}

describe('the round clock', () => {
  it('reads and writes instants in WIB without a Date object', () => {
    expect(instantMillis('2024-09-24T17:00:00Z')).toBe(instantMillis('2024-09-25T00:00:00+07:00'));
    expect(instantAt(instantMillis('2024-09-25T00:00:00.250Z'))).toBe('2024-09-25T07:00:00.250+07:00');
    expect(endOfDate('2024-12-31')).toBe('2025-01-01T00:00:00.000+07:00');
    expect(daysAfter('2024-02-28T09:00:00+07:00', 2)).toBe('2024-03-01T09:00:00.000+07:00');
  });

  it('schedules nothing before the round is announced, then each open post at the end of its deadline day', () => {
    const b = new RoundBuilder(planOfPosts(2));
    expect(
      roundSchedule(b.stream.state, policy).filter((s) => s.type === 'PassRegistrationDeadline'),
    ).toEqual([]);
    b.announce();
    const deadline = b.round.posts['post-01']?.deadline ?? '';
    expect(
      roundSchedule(b.stream.state, policy).filter((s) => s.type === 'PassRegistrationDeadline'),
    ).toEqual([
      { at: endOfDate(deadline), type: 'PassRegistrationDeadline', data: { postId: 'post-01' } },
      { at: endOfDate(deadline), type: 'PassRegistrationDeadline', data: { postId: 'post-02' } },
    ]);
  });

  it('closes a full post at its deadline, extends a thin one twice by the policy, then asks the oversight body (R18, R19)', () => {
    const b = new RoundBuilder(planOfPosts(2)).announce().register('post-01', 6).register('post-02', 2);
    const deadline = b.round.posts['post-02']?.deadline ?? '';
    const dayBefore = `${deadline}T23:59:59+07:00`;
    expect(tick(b, dayBefore)).toEqual([]);
    expect(() =>
      decide(
        { type: 'PassRegistrationDeadline', data: { postId: 'post-01' }, metadata: at(dayBefore) },
        b.stream.state,
      ),
    ).toThrow(expect.objectContaining({ code: 'DEADLINE.NOT_DUE' }));

    expect(tick(b, endOfDate(deadline))).toEqual(['RegistrationClosed', 'RegistrationExtended']);
    const first = b.round.posts['post-02'];
    expect(first).toMatchObject({ status: 'registration', extensions: 1 });
    expect(tick(b, endOfDate(first?.deadline ?? ''))).toEqual(['RegistrationExtended']);
    const second = b.round.posts['post-02'];
    expect(tick(b, endOfDate(second?.deadline ?? ''))).toEqual(['MinimumApplicantsNotReached']);
    expect(b.round.posts['post-02']?.status).toBe('awaiting-oversight');
  });

  it('reminds the oversight body past its service level, again every few days, escalates once, and decides nothing', () => {
    const b = new RoundBuilder(planOfPosts(1)).announce().register('post-01', 1);
    const deadline = b.round.posts['post-01']?.deadline ?? '';
    let now = endOfDate(deadline);
    for (let i = 0; i < 3; i += 1) {
      tick(b, now);
      now = endOfDate(b.round.posts['post-01']?.deadline ?? '');
    }
    const waiting = awaitedDecisions(b.stream.state, policy).find(
      (a) => a.command === 'DecideUnderfilledPost',
    );
    expect(waiting).toMatchObject({
      role: 'oversight',
      serviceLevelDays: 14,
      reminders: 0,
      escalated: false,
    });
    const since = waiting?.since ?? '';
    const sla = policy.serviceLevels;

    expect(tick(b, daysAfter(since, 13))).toEqual([]);
    expect(tick(b, daysAfter(since, 14))).toEqual(['DecisionReminded']);
    expect(tick(b, daysAfter(since, 14 + sla.reminderEveryDays.value))).toEqual(['DecisionReminded']);
    // The clock was stopped from day 17 to day 40 (a long outage): one reminder and the escalation, not a backlog.
    expect(tick(b, daysAfter(since, 40))).toEqual(['DecisionReminded', 'DecisionEscalated']);
    expect(tick(b, daysAfter(since, 42))).toEqual([]);
    expect(tick(b, daysAfter(since, 43))).toEqual(['DecisionReminded']);
    const events = b.stream.events.filter((e) => e.type === 'DecisionEscalated');
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toMatchObject({
      postId: 'post-01',
      role: 'oversight',
      decision: 'DecideUnderfilledPost',
      escalatedTo: 'oversight-leadership',
      waitedDays: 40,
    });
    expect(events[0]?.metadata.actor).toEqual(CLOCK);
    const state = b.stream.state as Extract<RoundState, { status: 'announced' }>;
    expect(state.posts['post-01']?.status).toBe('awaiting-oversight');
    expect(awaitedDecisions(state, policy)[0]).toMatchObject({ since, reminders: 4, escalated: true });
  });

  it('runs the clock over a silent month as its timers would: each command at its own instant', () => {
    const b = new RoundBuilder(planOfPosts(1)).announce().register('post-01', 1);
    const start = `${b.round.posts['post-01']?.deadline ?? ''}T09:00:00+07:00`;
    const { events, state } = runClock(b.stream.state, policy, daysAfter(start, 60));
    expect(events.map((e) => e.type).slice(0, 3)).toEqual([
      'RegistrationExtended',
      'RegistrationExtended',
      'MinimumApplicantsNotReached',
    ]);
    expect(events.filter((e) => e.type === 'DecisionEscalated')).toHaveLength(1);
    for (const e of events) expect(e.metadata.actor).toEqual(ROUND_CLOCK_ACTOR);
    expect(state.status === 'announced' && state.posts['post-01']?.status).toBe('awaiting-oversight');
  });

  it('starts a new wait when the decision arrives, and refuses a chase for a decision no longer awaited', () => {
    const b = new RoundBuilder(planOfPosts(1)).announce().register('post-01', 6);
    b.closeAll().verify().stages().shortlist('post-01');
    const review = awaitedDecisions(b.stream.state, policy).find(
      (a) =>
        a.command === 'ReviewShortlist' ||
        a.command === 'AnnounceShortlist' ||
        a.command === 'ChooseAppointee',
    );
    expect(review?.role).toBeDefined();
    const ppk = awaitedDecisions(b.stream.state, policy).filter(
      (a) => a.role === 'ppk' || a.role === 'oversight',
    );
    for (const awaited of ppk)
      expect(awaited.dueAt).toBe(daysAfter(awaited.since ?? '', awaited.serviceLevelDays ?? 0));
    b.appoint('post-01');
    expect(() =>
      decide(
        {
          type: 'ChaseDecision',
          data: { postId: 'post-01', decision: 'ChooseAppointee', level: 'reminder' },
          metadata: at('2030-01-01T00:00:00+07:00'),
        },
        b.stream.state,
      ),
    ).toThrow(expect.objectContaining({ code: 'DECISION.NOT_AWAITED' }));
  });
});
