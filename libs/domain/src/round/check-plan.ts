import type { PlanRound } from './commands';
import { planningPolicy } from './decide';
import { planFindings } from './validate-plan';
import { DEFAULT_POLICIES, holidaysOf, type PolicyRegistry } from '../policy/registry';
import type { DomainError } from '../shared/errors';
import { refuseUncleanCommand } from '../shared/text';
import { dateOf } from '../shared/time';

/** A plan's dry run: the policy it would be judged by and every finding against it (none: it would pass). */
export interface PlanCheck {
  readonly policyId: string;
  readonly findings: readonly DomainError[];
}

/**
 * Judges a PlanRound's plan as the decider would (same policy choice, same validators) and lists
 * every finding instead of the first: the console shows them all while the plan is edited. The
 * real PlanRound is refused with the first of them (`validatePlan`). A command the decider would
 * refuse before looking at the plan (unclean text, an unknown policy or one not in force) throws.
 */
export function checkPlan(command: PlanRound, registry: PolicyRegistry = DEFAULT_POLICIES): PlanCheck {
  refuseUncleanCommand(command);
  const policy = planningPolicy(command, registry);
  const today = dateOf(command.metadata.now);
  return {
    policyId: policy.id,
    findings: planFindings(command.data.plan, today, policy, holidaysOf(policy)),
  };
}
