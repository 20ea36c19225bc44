import { Inject, Injectable } from '@nestjs/common';
import type { RotationCommandType } from '@selter/contracts';
import { bodyRefusal, getPolicy, type OversightGate, type Role } from '@selter/domain';
import type { Principal } from '../auth/principal';
import { nowInstant, type Clock } from '../clock/clock';
import { CLOCK } from '../infrastructure/tokens';
import { forbidden, refused } from '../problem/problems';
import type { RoundRef } from '../rounds/round-id';
import { RotationWorkflows } from '../workflows/rotation-workflows';
import { AgencyTree } from '../calendar/agency-tree';
import { assertNotFromProvince, spansAgencies } from './round-access';

/** Who may send each rotation decision (PP 131-132: the agency runs the tests, the body recommends and approves, the PPK decrees). */
export const ROTATION_ROLES_OF: Readonly<Record<RotationCommandType, readonly Role[]>> = {
  PlanRotation: ['operator', 'admin'],
  RecordRotationRecommendation: ['oversight'],
  RecordRotationTests: ['operator', 'admin'],
  ProposeRotationMapping: ['operator', 'admin'],
  RecordRotationApproval: ['oversight'],
  IssueRotationDecree: ['ppk'],
};
const ROTATION_GATE_OF: Readonly<Partial<Record<RotationCommandType, OversightGate>>> = {
  RecordRotationRecommendation: 'rotationRecommendation',
  RecordRotationApproval: 'rotationApproval',
};

/** Authorisation of rotation decisions: never from the province over the agency (ADR 30), role, tenancy, and the liaison's body holding the gate today (succession, ADR 27). */
@Injectable()
export class RotationAccess {
  constructor(
    private readonly rotations: RotationWorkflows,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly tree: AgencyTree,
  ) {}

  async assertDecide(
    p: Principal,
    rotation: RoundRef,
    type: RotationCommandType,
    data: Record<string, unknown>,
  ): Promise<void> {
    await assertNotFromProvince(this.tree, p, rotation);
    if (!ROTATION_ROLES_OF[type].includes(p.role))
      throw forbidden(`${type} is not a decision for the ${p.role} role.`);
    if (!spansAgencies(p) && p.agency !== rotation.agency)
      throw forbidden(`${rotation.id} belongs to another agency.`);
    const gate = ROTATION_GATE_OF[type];
    if (p.role !== 'oversight' || !gate) return;
    const policyId = await this.policyOf(rotation);
    const policy = policyId ? getPolicy(policyId) : undefined;
    if (!policy || policy.gates[gate].value === 'none')
      throw forbidden(
        `Under policy ${policyId ?? '?'} the ${gate} gate is held by no oversight body, not ${p.body ?? '?'}.`,
      );
    // The succession of bodies on today's date decides, as the domain will (GATE.WRONG_AUTHORITY, ADR 27).
    const refusal = bodyRefusal(policy, gate, nowInstant(this.clock), p.body);
    if (refusal) throw refused(refusal.toJSON());
    if (data['issuedBy'] !== p.body)
      throw forbidden(
        `A ${p.body ?? '?'} liaison cannot record a letter issued by ${String(data['issuedBy'])}.`,
      );
  }

  private async policyOf(rotation: RoundRef): Promise<string | undefined> {
    const state = await this.rotations.state(rotation);
    return state.status === 'empty' ? undefined : state.policyId;
  }
}
