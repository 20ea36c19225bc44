import { bodyOf } from '../../../api/call';
import type { Api } from '../../../api/client';
import type { components } from '../../../api/schema';

// The policy versions come from the API (GET /policies: the domain's compiled registry with
// sources and validity), never from a copy in the browser; the API stays the judge of every plan.

/** One policy version as the API lists it. */
export type PolicyView = components['schemas']['Policy'];
/** GET /policies: every version, base versions first, and the one in force on the API's today. */
export type PolicyList = components['schemas']['PolicyList'];

/** GET /policies. */
export function loadPolicies(api: Api): Promise<PolicyList> {
  return bodyOf(api.GET('/policies'));
}

/** Today in WIB, the zone the API stamps decisions in (a guide for dates in the form: the API's clock decides). */
export function todayInJakarta(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Jakarta',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The policy a plan will be judged by: the one asked for, or the one in force on the API's today. */
export function effectivePolicy(
  list: PolicyList | undefined,
  policyId: string | null,
): PolicyView | undefined {
  const id = policyId ?? list?.current;
  return list?.policies.find((policy) => policy.id === id);
}
