import type { ApplicantProfile } from './applicant';
import {
  AGE_LIMIT,
  EDUCATION,
  EXPERIENCE,
  PRIOR_POST,
  type EligibilityContext,
  type EligibilityPredicate,
} from './eligibility';
import {
  HOME_PPK_RECOMMENDATION,
  LEADERSHIP_TRAINING,
  RANK,
  REQUIRED_DOCUMENTS,
} from './eligibility-documents';
import type { Reason, RuleId } from '../shared/rule-id';

/** The administrative requirements checked from an applicant's declared data, in announcement order. */
export const ELIGIBILITY_PREDICATES: readonly EligibilityPredicate[] = [
  HOME_PPK_RECOMMENDATION,
  EDUCATION,
  EXPERIENCE,
  PRIOR_POST,
  AGE_LIMIT,
  RANK,
  LEADERSHIP_TRAINING,
  REQUIRED_DOCUMENTS,
];

export interface FailedRequirement {
  readonly predicateId: string;
  readonly ruleId: RuleId;
  readonly reason: Reason;
  /** Set when a prior Presidential approval waived the requirement (R14). */
  readonly waivedBy?: string;
}

export interface EligibilityOutcome {
  readonly eligible: boolean;
  readonly failed: readonly FailedRequirement[];
  readonly waived: readonly FailedRequirement[];
}

/** Checks every predicate; an R14 exception waives only the waivable rules it names. */
export function evaluateEligibility(
  applicant: ApplicantProfile,
  context: EligibilityContext,
  predicates: readonly EligibilityPredicate[] = ELIGIBILITY_PREDICATES,
): EligibilityOutcome {
  const failed: FailedRequirement[] = [];
  const waived: FailedRequirement[] = [];
  const exception = applicant.presidentialException;
  for (const predicate of predicates) {
    const reason = predicate.check(applicant, context);
    if (!reason) continue;
    const finding = { predicateId: predicate.id, ruleId: predicate.ruleId, reason };
    if (predicate.waivable && exception?.ruleIds.includes(predicate.ruleId)) {
      waived.push({ ...finding, waivedBy: exception.letterNumber });
    } else {
      failed.push(finding);
    }
  }
  return { eligible: failed.length === 0, failed, waived };
}
