import type { Principal } from '../auth/principal';
import { ProblemException } from '../problem/problem-details.filter';

/**
 * The agency a new round or rotation belongs to: the one named, else the caller's own; an admin
 * must name one. Whether the caller may plan there is the access check's (tenancy, and a province
 * that reads only its regencies' rounds: AUTH.PROVINCE_READS_ONLY), made before anything starts.
 */
export function agencyFor(principal: Principal, requested: string | undefined, what: string): string {
  const agency = requested ?? principal.agency;
  if (!agency)
    throw new ProblemException({
      status: 400,
      code: 'REQUEST.INVALID',
      detail: `An admin names the agency the ${what} belong to.`,
    });
  return agency;
}
