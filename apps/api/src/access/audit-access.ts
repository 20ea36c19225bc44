import type { Principal } from '../auth/principal';
import { forbidden } from '../problem/problems';

const AUDITING_ROLES: ReadonlySet<Principal['role']> = new Set(['auditor', 'admin', 'oversight', 'operator']);

/**
 * Who may audit rounds (their verification, past states, evidence): auditors, admin, the oversight
 * liaisons (national bodies) and operators. The pansel and the PPK take the round's decisions; they
 * are not its auditors. Which rounds is tenancy, checked by `RoundAccess.assertAudit`: the caller's
 * agency's (every agency's for national roles), and its regencies' and cities' for a province's
 * operator and auditor (ADR 10, ADR 30).
 */
export function assertAuditRole(p: Principal): void {
  if (!AUDITING_ROLES.has(p.role))
    throw forbidden(
      `The ${p.role} role does not audit rounds (auditor, admin, oversight, or the agency's operator).`,
    );
}
