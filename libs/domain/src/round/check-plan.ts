import type { PlanRound } from './commands';
import { planningPolicy } from './decide';
import { internalMembers } from './pansel-employer';
import { planFindings } from './validate-plan';
import { contextFor } from './context';
import type { RoundCalendar } from '../calendar/calendar';
import { DEFAULT_POLICIES, type PolicyRegistry } from '../policy/registry';
import type { DomainError } from '../shared/errors';
import { refuseUncleanCommand } from '../shared/text';

/** A plan's dry run: the policy it would be judged by and every finding against it (none: it would pass). */
export interface PlanCheck {
  readonly policyId: string;
  readonly findings: readonly DomainError[];
  /** The pansel members R2 counts as internal (from their employers), for the editor's tally. */
  readonly internalMembers: readonly string[];
}

/**
 * Judges a PlanRound's plan as the decider would (same policy choice, same validators) and lists
 * every finding instead of the first: the console shows them all while the plan is edited. The
 * real PlanRound is refused with the first of them (`validatePlan`). A command the decider would
 * refuse before looking at the plan (unclean text, an unknown policy or one not in force) throws.
 * Given the agency's calendar, it counts as a round that pins it does.
 */
export function checkPlan(
  command: PlanRound,
  registry: PolicyRegistry = DEFAULT_POLICIES,
  calendar?: RoundCalendar,
): PlanCheck {
  refuseUncleanCommand(command);
  const policy = planningPolicy(command, registry);
  // The decider's own context: with the agency's calendar, today in its zone and its days off (ADR 24).
  const ctx = contextFor(command, command.data.roundId, policy, calendar);
  const { plan } = command.data;
  return {
    policyId: policy.id,
    findings: planFindings(plan, ctx.today, policy, ctx.holidays),
    internalMembers: internalMembers(plan),
  };
}
