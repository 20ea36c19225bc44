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
