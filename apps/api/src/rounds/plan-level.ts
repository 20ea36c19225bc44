import type { RoundPlan } from '@selter/domain';
import type { AgencyTree } from '../calendar/agency-tree';
import { ProblemException } from '../problem/problem-details.filter';

/**
 * A plan names its agency's level, and the rules read it (R24: the governor coordinates a
 * regency's or city's Sekda; a province's Sekda is not a pratama round). Where the agency's place
 * records a level (ADR 30), the plan must say the same: 422 PLAN.AGENCY_LEVEL_MISMATCH otherwise.
 */
export async function assertPlanLevel(
  tree: AgencyTree,
  agency: string,
  plan: Pick<RoundPlan, 'agency'> | undefined,
): Promise<void> {
  const recorded = await tree.levelOf(agency);
  const planned = plan?.agency?.level;
  if (recorded === undefined || planned === undefined || planned === recorded) return;
  throw new ProblemException({
    status: 422,
    code: 'PLAN.AGENCY_LEVEL_MISMATCH',
    detail: `${agency} is recorded as a ${recorded}; the plan says ${planned}.`,
    reason: {
      id: `Tingkat instansi pada rencana (${planned}) tidak sesuai dengan yang tercatat untuk ${agency} (${recorded})`,
      en: `The plan's agency level (${planned}) differs from the one recorded for ${agency} (${recorded})`,
    },
    details: { field: 'plan.agency.level', recorded, planned },
  });
}
