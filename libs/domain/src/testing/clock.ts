import { decide } from '../round/decide';
import type { RoundEvent } from '../round/events';
import { evolve } from '../round/evolve';
import { roundSchedule } from '../round/schedule';
import type { RoundState } from '../round/state';
import type { Policy } from '../policy/types';
import type { Actor } from '../shared/metadata';
import { instantMillis, type IsoInstant } from '../shared/time';

/** The actor of every command the round's clock issues. */
export const ROUND_CLOCK_ACTOR: Actor = { id: 'selter-clock', role: 'system' };

/**
 * What the round's clock does between now and `until` if nobody decides anything: each scheduled
 * command runs at its own instant, earliest first, as a workflow's timers would run them.
 */
export function runClock(
  state: RoundState,
  policy: Policy,
  until: IsoInstant,
): { state: RoundState; events: RoundEvent[] } {
  const events: RoundEvent[] = [];
  for (;;) {
    const [next] = roundSchedule(state, policy);
    if (!next || instantMillis(next.at) > instantMillis(until)) return { state, events };
    const metadata = { now: next.at, actor: ROUND_CLOCK_ACTOR, correlationId: 'clock' };
    const decided = decide(
      { type: next.type, data: next.data, metadata } as Parameters<typeof decide>[0],
      state,
    );
    state = decided.reduce(evolve, state);
    events.push(...decided);
  }
}
