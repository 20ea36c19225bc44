import type { Reason, RuleId } from '../shared/rule-id';
import type { DayCounting, IsoDate } from '../shared/time';

/**
 * An oversight body's id (`KASN`, `BKN`, ...): data in oversight/data/bodies.json, not a closed list,
 * so the independent body of MK 121/PUU-XXII/2024 is a new row (ADR 27).
 */
export type OversightBody = string;
/** A gate's holder: a body's id, or `none` where the policy has no such gate. */
export type GateAuthority = OversightBody | 'none';

/** Gates an oversight body may hold; which body (if any) holds each one is policy data (PROCESS.md §4.4). */
export type OversightGate =
  | 'planRecommendation'
  | 'extensionApproval'
  | 'underfilledPostDecision'
  | 'stageAmendment'
  | 'shortlistReview'
  | 'inaugurationRecommendation'
  | 'rerunRecommendation'
  | 'rotationRecommendation'
  | 'rotationApproval';

/** Evidence marker of PROCESS.md: [P] primary text, [S] secondary source, [I] inference. */
export type Evidence = 'P' | 'S' | 'I';

/** A policy value with the rule it implements and where the number comes from. */
export interface Sourced<T> {
  readonly value: T;
  readonly ruleId?: RuleId;
  readonly source: string;
  readonly evidence: Evidence;
}

export type Education = 'SMA' | 'D-III' | 'D-IV' | 'S1' | 'S2' | 'S3';
export type Rank = 'III/a' | 'III/b' | 'III/c' | 'III/d' | 'IV/a' | 'IV/b' | 'IV/c' | 'IV/d' | 'IV/e';
export type DocumentKind =
  | 'application-letter'
  | 'cv'
  | 'home-ppk-recommendation'
  | 'inspectorate-statement'
  | 'integrity-pact'
  | 'asset-declaration'
  | 'photo'
  | 'health-certificate'
  | 'mental-health-certificate'
  | 'drug-free-certificate'
  | 'tax-return'
  | 'leadership-training-certificate';

/**
 * R4: how the lead days of PP 117(2) are counted. `announcement-day-counts`: the announcement day is
 * day 1 (31 Jul-14 Aug is 15 days, as regions publish); `day-after`: day 1 is the day after it.
 */
export type LeadDayConvention = 'announcement-day-counts' | 'day-after';

/**
 * R11: how "at most 56 at the reference date" is read. `years-and-zero-days`: 56 years 0 days at the latest
 * (the cut-off announcements print); `not-yet-next-year`: any age of 56 years and some days passes.
 */
export type AgeLimitReading = 'years-and-zero-days' | 'not-yet-next-year';

export interface PolicyNumbers {
  readonly panselMinSize: Sourced<number>;
  readonly panselMaxSize: Sourced<number>;
  readonly panselMustBeOdd: Sourced<boolean>;
  readonly panselMaxInternalShare: Sourced<number>;
  readonly announcementLeadDays: Sourced<number>;
  readonly announcementLeadCounting: Sourced<DayCounting>;
  readonly announcementLeadConvention: Sourced<LeadDayConvention>;
  readonly minApplicantsPerPost: Sourced<number>;
  readonly extensionDays: Sourced<number>;
  readonly extensionCounting: Sourced<DayCounting>;
  readonly maxExtensions: Sourced<number>;
  readonly maxPostsPerApplicant: Sourced<number>;
  readonly maxAgeYears: Sourced<number>;
  readonly maxAgeReading: Sourced<AgeLimitReading>;
  readonly minEducation: Sourced<Education>;
  readonly minExperienceYears: Sourced<number>;
  readonly minPriorPostYears: Sourced<number>;
  readonly minRank: Sourced<Rank>;
  readonly requireLeadershipTraining: Sourced<boolean>;
  readonly requiredDocuments: Sourced<readonly DocumentKind[]>;
  readonly shortlistSize: Sourced<number>;
  readonly fewerFinalistsWithOversight: Sourced<boolean>;
  readonly assessmentValidityYears: Sourced<number>;
  readonly replacementLockYears: Sourced<number>;
  readonly tenureLimitYears: Sourced<number>;
  readonly rotationMinYears: Sourced<number>;
  readonly rotationMaxYears: Sourced<number>;
  readonly retirementAge: Sourced<number>;
  readonly electionWindowAfterInaugurationMonths: Sourced<number>;
  readonly electionWindowBeforeCandidatesMonths: Sourced<number>;
}

/** Extra approvals outside the oversight body (PROCESS.md §4.4 item 2). */
export interface ExtraApprovals {
  readonly mendagriInElectionWindow: Sourced<boolean>;
  readonly governorForSekdaKabKota: Sourced<boolean>;
  readonly dprdLeadershipForSekwan: Sourced<boolean>;
}

/** Soft service levels for reminders and escalation: they never decide anything. */
export interface ServiceLevels {
  readonly planRecommendationDays: Sourced<number>;
  readonly underfilledDecisionDays: Sourced<number>;
  readonly shortlistReviewDays: Sourced<number>;
  readonly ppkChoiceDays: Sourced<number>;
  readonly inaugurationDays: Sourced<number>;
  readonly reminderEveryDays: Sourced<number>;
  readonly escalateAfterDays: Sourced<number>;
}

/** A versioned rule set: a round is decided by the version it was planned under, forever. */
export interface Policy {
  readonly id: string;
  readonly title: Reason;
  readonly validFrom: IsoDate;
  readonly validTo?: IsoDate;
  /** Variants (e.g. minimum 3 applicants) are chosen explicitly, never by `policyFor(date)`. */
  readonly variantOf?: string;
  readonly gates: Readonly<Record<OversightGate, Sourced<GateAuthority>>>;
  readonly shortlistReviewBeforeAnnouncement: Sourced<boolean>;
  readonly oversightOfficialsMayJoinPansel: Sourced<boolean>;
  readonly extraApprovals: ExtraApprovals;
  readonly numbers: PolicyNumbers;
  readonly serviceLevels: ServiceLevels;
  /** National holidays and collective leave days, used when a count is in working days. */
  readonly holidays: Sourced<readonly IsoDate[]>;
}
