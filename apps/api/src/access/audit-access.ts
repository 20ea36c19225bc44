import type { Principal } from '../auth/principal';
import { forbidden } from '../problem/problems';
import type { RoundRef } from '../rounds/round-id';
import { mayReadAgency } from './round-access';

const AUDITING_ROLES: ReadonlySet<Principal['role']> = new Set(['auditor', 'admin', 'oversight', 'operator']);

/**
 * Who may audit a round (its verification, its past states, its evidence): auditors (their
 * agency's rounds, every agency's when national), admin, the oversight liaisons (national bodies)
 * and the operator of the round's own agency. The pansel and the PPK take the round's decisions;
 * they are not its auditors. Tenancy comes from the round id, as for every read (ADR 10).
 */
export function assertAudit(p: Principal, round: RoundRef): void {
  if (!AUDITING_ROLES.has(p.role))
    throw forbidden(
      `The ${p.role} role does not audit rounds (auditor, admin, oversight, or the agency's operator).`,
    );
  if (!mayReadAgency(p, round.agency)) throw forbidden(`${round.id} belongs to another agency.`);
}
