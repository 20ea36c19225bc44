import { Inject, Injectable } from '@nestjs/common';
import type { RoundCommandType } from '@selter/contracts';
import { bodyRefusal, decisionDateOf, gateHolderOn, getPolicy } from '@selter/domain';
import type { Principal } from '../auth/principal';
import { AgencyTree } from '../calendar/agency-tree';
import { nowInstant, type Clock } from '../clock/clock';
import { CLOCK } from '../infrastructure/tokens';
import { forbidden, refused } from '../problem/problems';
import { assertAuditRole } from './audit-access';
import { GATE_OF, JUDGES_APPLICANTS, ROLES_OF } from '../rounds/decision-rules';
import { RoundFactsCache, type RoundFacts } from '../rounds/round-facts';
import type { RoundRef } from '../rounds/round-id';

/** Roles whose scope is every agency: admin, oversight liaisons (national bodies), a national auditor. */
export const spansAgencies = (p: Principal): boolean =>
  p.role === 'admin' || p.role === 'oversight' || (p.role === 'auditor' && !p.agency);

/** True when the caller may see the agency's rounds as a tenant (its own agency, or a spanning role). */
export const mayReadAgency = (p: Principal, agency: string): boolean =>
  spansAgencies(p) || p.agency === agency;

/** The roles of a provincial BKD that follow its regencies' and cities' rounds: they read, never decide (ADR 30). */
const PROVINCE_READERS: ReadonlySet<Principal['role']> = new Set(['operator', 'auditor']);

/**
 * Refuses a decision sent from the province over the round's agency, whatever the caller's role:
 * the province follows a regency's round, the regency's own officials decide in it (ADR 30).
 */
export async function assertNotFromProvince(
  tree: AgencyTree,
  p: Principal,
  round: { id: string; agency: string },
): Promise<void> {
  if (!p.agency || p.agency === round.agency) return;
  if ((await tree.provinceOver(round.agency)) === p.agency)
    throw forbidden(
      `${round.id} belongs to ${round.agency}, under the province ${p.agency}: the province reads its rounds and never decides in them.`,
      'AUTH.PROVINCE_READS_ONLY',
    );
}

/** The applicants a decision judges, whose declared conflicts the caller must not have. */
function applicantsJudged(data: Record<string, unknown>): string[] {
  const ids = new Set<string>();
  if (typeof data['applicantId'] === 'string') ids.add(data['applicantId']);
  for (const r of Array.isArray(data['results']) ? (data['results'] as Array<{ applicantId?: unknown }>) : [])
    if (typeof r.applicantId === 'string') ids.add(r.applicantId);
  for (const a of Array.isArray(data['absent']) ? (data['absent'] as unknown[]) : [])
    if (typeof a === 'string') ids.add(a);
  return [...ids];
}

/**
 * Authorisation per object (ADR 10): tenancy from the round id (the province over its agency
 * reading only, ADR 30), the role's commands, pansel membership of this round, the liaison's body
 * holding this gate today (succession, ADR 27), and a pansel member's declared conflicts of
 * interest (R3). Each refusal is 403 and logged.
 */
@Injectable()
export class RoundAccess {
  constructor(
    private readonly facts: RoundFactsCache,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly tree: AgencyTree,
  ) {}

  /**
   * The agencies whose rounds the caller reads: every one for a spanning role; its own, and for a
   * provincial operator or auditor also those of the regencies and cities under the province.
   */
  async agenciesReadBy(p: Principal): Promise<readonly string[] | 'all'> {
    if (spansAgencies(p)) return 'all';
    if (!p.agency) return [];
    return PROVINCE_READERS.has(p.role) ? [p.agency, ...(await this.tree.under(p.agency))] : [p.agency];
  }

  /** May the caller see this agency's rounds at all: tenancy, or the province over it (operator, auditor). */
  async mayRead(p: Principal, agency: string): Promise<boolean> {
    if (mayReadAgency(p, agency)) return true;
    return (
      PROVINCE_READERS.has(p.role) &&
      p.agency !== undefined &&
      (await this.tree.provinceOver(agency)) === p.agency
    );
  }

  /** May the caller read this round? A pansel member reads only rounds whose pansel seats them. */
  async assertRead(p: Principal, round: RoundRef): Promise<void> {
    if (!(await this.mayRead(p, round.agency))) throw forbidden(`${round.id} belongs to another agency.`);
    if (p.role === 'pansel') this.assertMember(p, round, await this.facts.get(round));
  }

  /** May the caller audit this round (its verification, past states, evidence)? */
  async assertAudit(p: Principal, round: RoundRef): Promise<void> {
    assertAuditRole(p);
    if (!(await this.mayRead(p, round.agency))) throw forbidden(`${round.id} belongs to another agency.`);
  }

  async assertDecide(
    p: Principal,
    round: RoundRef,
    type: RoundCommandType,
    data: Record<string, unknown>,
  ): Promise<void> {
    await assertNotFromProvince(this.tree, p, round);
    if (p.role === 'auditor') throw forbidden('Auditors have read-only access.');
    const roles: readonly string[] = ROLES_OF[type];
    if (!roles.includes(p.role))
      throw forbidden(`${type} is not a decision for the ${p.role} role (allowed: ${roles.join(', ')}).`);
    if (!spansAgencies(p) && p.agency !== round.agency)
      throw forbidden(`${round.id} belongs to another agency.`);
    if (p.role === 'pansel') {
      const judged = JUDGES_APPLICANTS.has(type) ? applicantsJudged(data) : [];
      const facts = await this.facts.get(round, judged);
      this.assertMember(p, round, facts);
      const conflicted = judged.filter((a) => facts.conflicts.get(a)?.includes(p.id));
      if (conflicted.length) {
        throw forbidden(
          `You declared a conflict of interest with ${conflicted.join(', ')}: another member must take this decision.`,
          'AUTH.CONFLICT_OF_INTEREST',
          'R3',
        );
      }
    }
    if (p.role === 'oversight') this.assertGate(p, type, data, await this.facts.get(round));
  }

  private assertMember(p: Principal, round: RoundRef, facts: RoundFacts): void {
    if (!facts.panselMembers.has(p.id)) throw forbidden(`You are not a member of the pansel of ${round.id}.`);
  }

  private assertGate(
    p: Principal,
    type: RoundCommandType,
    data: Record<string, unknown>,
    facts: RoundFacts,
  ): void {
    const gate = GATE_OF[type];
    const policy = gate && facts.policyId ? getPolicy(facts.policyId) : undefined;
    const now = nowInstant(this.clock);
    const holder = gate && policy ? gateHolderOn(policy, gate, decisionDateOf(now)).holder : 'none';
    if (!gate || !policy || holder === 'none')
      throw forbidden(
        `Under policy ${facts.policyId ?? '?'} the ${gate ?? type} gate is held by no oversight body, not ${p.body ?? '?'}.`,
      );
    // The succession of bodies on today's date decides, as the domain will (GATE.WRONG_AUTHORITY, ADR 27).
    const refusal = bodyRefusal(policy, gate, now, p.body);
    if (refusal) throw refused(refusal.toJSON());
    if (data['issuedBy'] !== undefined && data['issuedBy'] !== p.body)
      throw forbidden(
        `A ${p.body ?? '?'} liaison cannot record a letter issued by ${String(data['issuedBy'])}.`,
      );
  }
}
