import { BKN_2024, BKN_2025 } from './bkn-2024';
import { KASN_2019 } from './kasn-2019';
import type { Policy } from './types';
import {
  BKN_2024_ASSESSMENT_2Y,
  BKN_2024_AGE_NOT_YET_57,
  BKN_2025_LEAD_DAY_AFTER,
  KASN_2019_MIN3,
  KASN_2019_SE52,
} from './variants';
import { fail } from '../shared/errors';
import { compareDates, type IsoDate } from '../shared/time';

/** Policies by id. Pass your own to the deciders to add versions without touching the library. */
export type PolicyRegistry = ReadonlyMap<string, Policy>;

export function createPolicyRegistry(policies: readonly Policy[]): PolicyRegistry {
  return new Map(policies.map((policy) => [policy.id, policy]));
}

/** The versions shipped with the library. */
export const DEFAULT_POLICIES: PolicyRegistry = createPolicyRegistry([
  KASN_2019,
  BKN_2024,
  BKN_2025,
  KASN_2019_MIN3,
  KASN_2019_SE52,
  BKN_2024_ASSESSMENT_2Y,
  BKN_2025_LEAD_DAY_AFTER,
  BKN_2024_AGE_NOT_YET_57,
]);

/** The policy with this id; throws POLICY.UNKNOWN. */
export function getPolicy(id: string, registry: PolicyRegistry = DEFAULT_POLICIES): Policy {
  const policy = registry.get(id);
  if (!policy)
    fail('POLICY.UNKNOWN', `Kebijakan ${id} tidak dikenal`, `Unknown policy ${id}`, { policyId: id });
  return policy;
}

export function isInForce(policy: Policy, date: IsoDate): boolean {
  return (
    compareDates(policy.validFrom, date) <= 0 && (!policy.validTo || compareDates(date, policy.validTo) <= 0)
  );
}

/** The base (non-variant) policy in force on `date`; throws POLICY.NOT_IN_FORCE when none is. */
export function policyFor(date: IsoDate, registry: PolicyRegistry = DEFAULT_POLICIES): Policy {
  for (const policy of registry.values()) {
    if (!policy.variantOf && isInForce(policy, date)) return policy;
  }
  return fail(
    'POLICY.NOT_IN_FORCE',
    `Tidak ada kebijakan yang berlaku pada ${date}`,
    `No policy in force on ${date}`,
    {
      date,
    },
  );
}

/** Working-day holidays of a policy as a set (cached per policy object). */
const holidaySets = new WeakMap<Policy, ReadonlySet<IsoDate>>();
export function holidaysOf(policy: Policy): ReadonlySet<IsoDate> {
  let set = holidaySets.get(policy);
  if (!set) {
    set = new Set(policy.holidays.value);
    holidaySets.set(policy, set);
  }
  return set;
}
