import type { RoundEvent } from './round/events';
import { evolve } from './round/evolve';
import { initialState, type RoundState } from './round/state';
import { evolveRotation } from './rotation/evolve';
import { initialRotationState, type RotationEvent, type RotationState } from './rotation/types';

/** A stream's state: a selection round's, or a rotation's. */
export type FoldedStream = { kind: 'round'; state: RoundState } | { kind: 'rotation'; state: RotationState };

/**
 * Folds a stream's recorded events with the domain's own evolve: a rotation's from `RotationPlanned`,
 * a round's otherwise. The state keeps the policy id the stream was planned under, and no policy is
 * consulted here: the past is folded from what was recorded, not re-decided (the auditor's replay
 * and the API's audit view share this).
 */
export function foldStream(events: ReadonlyArray<{ type: string }>): FoldedStream {
  if (events[0]?.type === 'RotationPlanned') {
    return {
      kind: 'rotation',
      state: (events as unknown as RotationEvent[]).reduce(evolveRotation, initialRotationState()),
    };
  }
  return { kind: 'round', state: (events as unknown as RoundEvent[]).reduce(evolve, initialState()) };
}
