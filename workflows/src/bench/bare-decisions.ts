import { ROUND_COMMAND_TYPES } from '@selter/contracts';
import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

/** `expectedUpdates`: complete once that many Updates were taken; without it, run until terminated. */
export interface BareDecisionsInput {
  readonly expectedUpdates?: number;
}

/**
 * BENCHMARK BASELINE ONLY (bench/scenarios/round-e2e.ts), never started by the service: takes the
 * same Updates as `selectionRound` (one per round command type) and answers each at once with no
 * events, deciding, folding and appending nothing, so the benchmark can tell what the round adds to
 * Temporal's own cost of an Update.
 */
export async function bareDecisions(input: BareDecisionsInput = {}): Promise<{ updates: number }> {
  let version = 0;
  for (const type of ROUND_COMMAND_TYPES) {
    setHandler(defineUpdate<{ events: never[]; version: number }, [unknown], typeof type>(type), () => {
      version += 1;
      return { events: [], version };
    });
  }
  const expected = input.expectedUpdates;
  await condition(() => expected !== undefined && version >= expected);
  return { updates: version };
}
