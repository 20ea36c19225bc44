import type { Reason, RuleId } from '@selter/domain';

/**
 * The details of a refused decision: the ApplicationFailure's `type` is the domain's stable code
 * and `details[0]` is this object, so API and tests read the rule and reason without parsing text.
 */
export interface DecisionRefusal {
  readonly code: string;
  readonly ruleId?: RuleId;
  readonly reason: Reason;
  readonly details: Record<string, unknown>;
}

/**
 * The refusal a round answers for the moment it switches to a new run (continue-as-new, ADR 13):
 * nothing was decided; the same decision sent again lands on the new run.
 */
export const SWITCHING_RUNS = 'ROUND.SWITCHING_RUNS';

/** True when an Update failed only because its workflow was switching runs. */
export function isSwitchingRuns(error: unknown): boolean {
  const cause = (error as { cause?: { type?: unknown } } | null)?.cause;
  return cause?.type === SWITCHING_RUNS;
}

/** Sends a decision, again while its round switches runs (a moment; at most ~`attempts` × `delayMs`). */
export async function sendThroughRunSwitch<T>(send: () => Promise<T>, attempts = 100, delayMs = 100): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if (!isSwitchingRuns(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

/** What a round's queries answer while a new run folds its state back from the store (ADR 13). */
export const RESTORING = 'the round is being restored from the event store; ask again';

/** Runs a round query, again for the moment the round folds back after continue-as-new. */
export async function queryThroughRestore<T>(query: () => Promise<T>, attempts = 20, delayMs = 100): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await query();
    } catch (error) {
      if (attempt >= attempts || !String((error as Error | null)?.message).includes(RESTORING)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
