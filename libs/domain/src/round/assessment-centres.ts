import CENTRES from './data/assessment-centres.json';
import type { RoundPlan } from './plan-types';
import { finding, type DomainError } from '../shared/errors';
import { compareDates, type IsoDate } from '../shared/time';

/** An assessment centre accredited to assess competences (R12), with the period and source of its accreditation. */
export interface AssessmentCentre {
  readonly id: string;
  readonly name: string;
  readonly accreditedBy: string;
  readonly validFrom: IsoDate;
  readonly validUntil?: IsoDate;
  readonly source: string;
}

/** The list kept as data (data/assessment-centres.json): appended to, never rewritten. */
export const ASSESSMENT_CENTRES: readonly AssessmentCentre[] = CENTRES.centres;

const accreditedOn = (centre: AssessmentCentre, day: IsoDate): boolean =>
  compareDates(centre.validFrom, day) <= 0 &&
  (centre.validUntil === undefined || compareDates(day, centre.validUntil) <= 0);

/**
 * R12: the plan's assessment provider must be an accredited centre on the planning day. A plan
 * stored before providers named their centre (no `centreId`) was judged without this check and
 * replays so.
 */
export function accreditationFindings(
  provider: RoundPlan['assessmentProvider'],
  today: IsoDate,
  centres: readonly AssessmentCentre[] = ASSESSMENT_CENTRES,
): DomainError[] {
  const { centreId } = provider;
  if (centreId === undefined) return [];
  const centre = centres.find((c) => c.id === centreId);
  if (centre && accreditedOn(centre, today)) return [];
  return [
    finding(
      'PLAN.ASSESSMENT_PROVIDER_NOT_ACCREDITED',
      `Penyelenggara asesmen ${centreId} tidak terakreditasi pada ${today} (R12, PP 11/2017 Pasal 109)`,
      `Assessment provider ${centreId} is not accredited on ${today} (R12, PP 11/2017 Pasal 109)`,
      {
        field: 'plan.assessmentProvider.centreId',
        centreId,
        known: centre !== undefined,
        accredited: centres.filter((c) => accreditedOn(c, today)).map((c) => c.id),
      },
    ),
  ];
}
