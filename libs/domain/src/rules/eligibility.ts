import { educationAtLeast, type ApplicantProfile } from './applicant';
import type { AgeLimitReading, Evidence, Policy, Rank } from '../policy/types';
import type { Reason, RuleId } from '../shared/rule-id';
import { ageOn, type IsoDate } from '../shared/time';

export interface EligibilityContext {
  readonly policy: Policy;
  /** The announcement's reference date for age (R11). */
  readonly referenceDate: IsoDate;
  /** A post may ask more than the policy minimum (e.g. IV/b for provincial posts, R15). */
  readonly minRank?: Rank;
}

/** An administrative requirement as data: rule id, legal source and a readable reason when it fails. */
export interface EligibilityPredicate {
  readonly id: string;
  readonly ruleId: RuleId;
  readonly source: string;
  readonly evidence: Evidence;
  readonly title: Reason;
  /** R14: waivable by a prior Presidential approval naming this rule. */
  readonly waivable: boolean;
  /** Returns why the applicant fails, or null when the requirement is met. */
  readonly check: (applicant: ApplicantProfile, context: EligibilityContext) => Reason | null;
}

const cite = (ruleId: RuleId, source: string): string => `(${ruleId}, ${source})`;
const AGE_SOURCE = 'PP 11/2017 Pasal 107 huruf c angka 6';

export const AGE_LIMIT: EligibilityPredicate = {
  id: 'age-limit',
  ruleId: 'R11',
  source: AGE_SOURCE,
  evidence: 'P',
  waivable: true,
  title: {
    id: 'Usia paling tinggi 56 tahun pada tanggal acuan',
    en: 'Aged at most 56 on the reference date',
  },
  check: (applicant, { policy, referenceDate }) => {
    const limit = policy.numbers.maxAgeYears.value;
    const reading = policy.numbers.maxAgeReading.value;
    const age = ageOn(applicant.dateOfBirth, referenceDate);
    const within =
      reading === 'not-yet-next-year'
        ? age.years <= limit
        : age.years < limit || (age.years === limit && age.days === 0);
    if (within) return null;
    const read = ageReading(limit, reading);
    return {
      id: `Usia ${age.years} tahun ${age.days} hari pada tanggal acuan ${referenceDate} melebihi batas ${limit} tahun, dibaca ${read.id} ${cite('R11', AGE_SOURCE)}`,
      en: `Age ${age.years} years ${age.days} days on the reference date ${referenceDate} exceeds the limit of ${limit} years, read as ${read.en} ${cite('R11', AGE_SOURCE)}`,
    };
  },
};

/** R11's reading in words, as a refusal names it. */
export function ageReading(limit: number, reading: AgeLimitReading): Reason {
  return reading === 'not-yet-next-year'
    ? { id: `belum berusia ${limit + 1} tahun`, en: `not yet ${limit + 1}` }
    : { id: `paling tinggi ${limit} tahun 0 hari`, en: `at most ${limit} years 0 days` };
}

const EDU_SOURCE = 'PP 11/2017 Pasal 107 huruf c angka 1';
export const EDUCATION: EligibilityPredicate = {
  id: 'education',
  ruleId: 'R8',
  source: EDU_SOURCE,
  evidence: 'P',
  waivable: true,
  title: { id: 'Pendidikan paling rendah S1 atau D-IV', en: 'At least a bachelor (S1) or D-IV degree' },
  check: (applicant, { policy }) =>
    educationAtLeast(applicant.education, policy.numbers.minEducation.value)
      ? null
      : {
          id: `Pendidikan ${applicant.education} di bawah syarat S1/D-IV ${cite('R8', EDU_SOURCE)}`,
          en: `Education ${applicant.education} is below the required S1/D-IV ${cite('R8', EDU_SOURCE)}`,
        },
};

const EXP_SOURCE = 'PP 11/2017 Pasal 107 huruf c angka 3';
export const EXPERIENCE: EligibilityPredicate = {
  id: 'related-experience',
  ruleId: 'R9',
  source: EXP_SOURCE,
  evidence: 'P',
  waivable: true,
  title: {
    id: 'Pengalaman jabatan terkait paling singkat 5 tahun',
    en: 'At least 5 years of related experience',
  },
  check: (applicant, { policy }) => {
    const min = policy.numbers.minExperienceYears.value;
    if (applicant.relatedExperienceYears >= min) return null;
    return {
      id: `Pengalaman jabatan terkait ${applicant.relatedExperienceYears} tahun, kurang dari ${min} tahun ${cite('R9', EXP_SOURCE)}`,
      en: `Related experience of ${applicant.relatedExperienceYears} years is less than ${min} years ${cite('R9', EXP_SOURCE)}`,
    };
  },
};

const PRIOR_SOURCE = 'PP 11/2017 Pasal 107 huruf c angka 4';
export const PRIOR_POST: EligibilityPredicate = {
  id: 'prior-post',
  ruleId: 'R10',
  source: PRIOR_SOURCE,
  evidence: 'P',
  waivable: true,
  title: {
    id: 'Pernah/sedang menduduki jabatan administrator atau JF ahli madya paling singkat 2 tahun',
    en: 'Held an administrator or senior (ahli madya) functional post for at least 2 years',
  },
  check: (applicant, { policy }) => {
    const min = policy.numbers.minPriorPostYears.value;
    const { kind, years } = applicant.priorPost;
    if (kind !== 'other' && years >= min) return null;
    return {
      id: `Jabatan sebelumnya (${applicant.priorPost.title}, ${years} tahun) tidak memenuhi syarat administrator/ahli madya ${min} tahun ${cite('R10', PRIOR_SOURCE)}`,
      en: `Prior post (${applicant.priorPost.title}, ${years} years) does not meet ${min} years as administrator/ahli madya ${cite('R10', PRIOR_SOURCE)}`,
    };
  },
};
