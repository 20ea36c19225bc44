import { decide as defaultDecide } from '../round/decide';
import type { RoundCommand } from '../round/commands';
import type { RoundEvent } from '../round/events';
import { evolve } from '../round/evolve';
import { initialState, type RoundState } from '../round/state';

/** Folds events from the initial state. */
export function fold(events: readonly RoundEvent[], from: RoundState = initialState()): RoundState {
  let state = from;
  for (const event of events) state = evolve(state, event);
  return state;
}

/** A stream being built by deciding commands one after another (throws on the first refusal). */
export class RoundStream {
  readonly events: RoundEvent[] = [];
  state: RoundState;

  constructor(
    events: readonly RoundEvent[] = [],
    private readonly decideFn: (c: RoundCommand, s: RoundState) => RoundEvent[] = defaultDecide,
  ) {
    this.state = fold(events);
    this.events.push(...events);
  }

  /** Decides a command, appends and folds its events, returns them. */
  run(command: RoundCommand): RoundEvent[] {
    const produced = this.decideFn(command, this.state);
    for (const event of produced) {
      this.state = evolve(this.state, event);
      this.events.push(event);
    }
    return produced;
  }

  runAll(commands: readonly RoundCommand[]): this {
    commands.forEach((c) => this.run(c));
    return this;
  }
}
