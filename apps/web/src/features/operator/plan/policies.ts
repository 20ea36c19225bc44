import { DEFAULT_POLICIES, isInForce, type IsoDate, type Policy } from '@selter/domain';

// The console shows the policy's numbers as guidance while the operator edits; the domain's own
// policy data is the one source (no copy to drift), and the API stays the judge of every plan.

/** Every policy version the API knows (the domain's registry), base versions first. */
export const POLICIES: readonly Policy[] = [...DEFAULT_POLICIES.values()].sort((a, b) => Number(Boolean(a.variantOf)) - Number(Boolean(b.variantOf)) || a.validFrom.localeCompare(b.validFrom));

/** Today in WIB, the zone the API stamps decisions in (a guide: the API's clock decides). */
export function todayInJakarta(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The base policy in force on `date` (what the API picks when the plan names none). */
export function policyInForce(date: IsoDate): Policy | undefined {
  return POLICIES.find((policy) => !policy.variantOf && isInForce(policy, date));
}

/** The policy a plan will be judged by: the one asked for, or the one in force on `date`. */
export function effectivePolicy(policyId: string | null, date: IsoDate): Policy | undefined {
  return policyId ? POLICIES.find((policy) => policy.id === policyId) : policyInForce(date);
}

export { isInForce };
