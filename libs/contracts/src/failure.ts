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

/** What a round's queries answer while a new run folds its state back from the store (ADR 13). */
export const RESTORING = 'the round is being restored from the event store; ask again';

/** True when a Query failed only because its round was folding back after continue-as-new. */
export function isRestoring(error: unknown): boolean {
  return String((error as Error | null)?.message).includes(RESTORING);
}
