import type { DocumentKind, Education, Rank } from '../policy/types';
import type { RuleId } from '../shared/rule-id';
import type { IsoDate } from '../shared/time';

export type PriorPostKind = 'administrator' | 'functional-ahli-madya' | 'jpt-pratama' | 'other';

/** What an applicant (or invitee) declares when registering for a post. */
export interface ApplicantProfile {
  readonly nip: string;
  readonly name: string;
  readonly homeAgency: string;
  readonly rank: Rank;
  readonly education: Education;
  readonly relatedExperienceYears: number;
  readonly priorPost: { readonly kind: PriorPostKind; readonly title: string; readonly years: number };
  readonly dateOfBirth: IsoDate;
  readonly documents: readonly DocumentKind[];
  /** R14: prior Presidential approval waiving some of R8-R13 for this applicant. */
  readonly presidentialException?: { readonly ruleIds: readonly RuleId[]; readonly letterNumber: string };
}

const EDUCATION_ORDER: Record<Education, number> = { SMA: 0, 'D-III': 1, 'D-IV': 2, S1: 2, S2: 3, S3: 4 };
const RANK_ORDER: Record<Rank, number> = {
  'III/a': 0,
  'III/b': 1,
  'III/c': 2,
  'III/d': 3,
  'IV/a': 4,
  'IV/b': 5,
  'IV/c': 6,
  'IV/d': 7,
  'IV/e': 8,
};

/** True when `education` is at least `minimum` (S1 and D-IV rank equal, PP 107(c)(1)). */
export function educationAtLeast(education: Education, minimum: Education): boolean {
  return EDUCATION_ORDER[education] >= EDUCATION_ORDER[minimum];
}

export function rankAtLeast(rank: Rank, minimum: Rank): boolean {
  return RANK_ORDER[rank] >= RANK_ORDER[minimum];
}
