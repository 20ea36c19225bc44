import type { Principal } from '../auth/principal';
import { ProblemException } from '../problem/problem-details.filter';
import { forbidden } from '../problem/problems';

/** The agency a new round or rotation belongs to: the caller's own; an admin must name one. */
export function agencyFor(principal: Principal, requested: string | undefined, what: string): string {
  if (requested && principal.role !== 'admin' && requested !== principal.agency)
    throw forbidden(`You may plan ${what} only for your own agency.`);
  const agency = requested ?? principal.agency;
  if (!agency)
    throw new ProblemException({
      status: 400,
      code: 'REQUEST.INVALID',
      detail: `An admin names the agency the ${what} belong to.`,
    });
  return agency;
}
