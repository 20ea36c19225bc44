import type { JobLevel, OversightLetter, RoundPlan, StageDefinition, StageSlot } from './plan-types';
import type { OversightBody } from '../policy/types';
import type { ApplicantProfile } from '../rules/applicant';
import type { FailedRequirement } from '../rules/evaluate';
import type { Event } from '../shared/message';
import type { Role } from '../shared/metadata';
import type { Reason, RuleId } from '../shared/rule-id';
import type { IsoDate, IsoInstant } from '../shared/time';

/** Every round event carries its stream id (the round id) and the instant it was decided. */
type RoundEvent_<Type extends string, Data extends object> = Event<
  Type,
  Data & { roundId: string; at: IsoInstant }
>;

export type Ranked = {
  readonly applicantId: string;
  readonly rank: number;
  readonly stageScore: number;
  readonly total: number;
  readonly proceeds: boolean;
};
export type StageResult = {
  readonly applicantId: string;
  readonly score: number;
  /** R27: an earlier assessment reused instead of a new one. */
  readonly reusedAssessment?: { readonly assessedOn: IsoDate; readonly provider: string };
};
export type Witness = { readonly nip: string; readonly name: string; readonly level: JobLevel };
export type Finalist = { readonly applicantId: string; readonly rank: number; readonly total: number };
export type IneligibleFinalist = {
  readonly applicantId: string;
  readonly ruleId?: RuleId;
  readonly reason: Reason;
};

export type RoundPlanned = RoundEvent_<'RoundPlanned', { plan: RoundPlan; policyId: string }>;
export type PlanRevised = RoundEvent_<'PlanRevised', { plan: RoundPlan; reason: string }>;
export type PlanSubmittedForRecommendation = RoundEvent_<
  'PlanSubmittedForRecommendation',
  { to: OversightBody | 'none' }
>;
export type PlanRecommended = RoundEvent_<'PlanRecommended', OversightLetter>;
export type PlanRecommendationRejected = RoundEvent_<
  'PlanRecommendationRejected',
  OversightLetter & { reason: string }
>;
export type MendagriApprovalRecorded = RoundEvent_<
  'MendagriApprovalRecorded',
  { purpose: 'selection' | 'inauguration'; postId?: string; letterNumber: string }
>;
export type RoundAnnounced = RoundEvent_<
  'RoundAnnounced',
  {
    announcedOn: IsoDate;
    registrationDeadline: IsoDate;
    reach: 'national' | 'province';
    signedBy: 'pansel-chair' | 'secretariat-head';
    secretariatContact: string;
    policyId: string;
    stages: readonly StageDefinition[];
    /** R6: absent in events recorded before the announcement carried it (ADR 35). */
    stageSchedule?: readonly StageSlot[];
    /** R6: where it is published; absent in old events. */
    media?: readonly string[];
  }
>;
export type ApplicantRegistered = RoundEvent_<
  'ApplicantRegistered',
  {
    postId: string;
    applicantId: string;
    applicant: ApplicantProfile;
    invited: boolean;
    conflictedMembers: string[];
  }
>;
export type RegistrationExtended = RoundEvent_<
  'RegistrationExtended',
  {
    postId: string;
    extension: number;
    previousDeadline: IsoDate;
    newDeadline: IsoDate;
    applicants: number;
    approval?: OversightLetter;
  }
>;
export type MinimumApplicantsNotReached = RoundEvent_<
  'MinimumApplicantsNotReached',
  { postId: string; applicants: number; minimum: number; extensionsUsed: number }
>;
export type UnderfilledPostDecided = RoundEvent_<
  'UnderfilledPostDecided',
  OversightLetter & { postId: string; decision: 'continue' | 'drop' | 'postpone'; reason: string }
>;
export type RegistrationClosed = RoundEvent_<
  'RegistrationClosed',
  { postId: string; applicants: number; continuedWithFewer: boolean }
>;
export type AdministrativeVerdictRecorded = RoundEvent_<
  'AdministrativeVerdictRecorded',
  {
    postId: string;
    applicantId: string;
    verdict: 'eligible' | 'ineligible';
    failed: readonly FailedRequirement[];
    waived: readonly FailedRequirement[];
  }
>;
export type StageResultsRecorded = RoundEvent_<
  'StageResultsRecorded',
  { postId: string; stageId: string; results: readonly StageResult[] }
>;
export type ApplicantWithdrawn = RoundEvent_<
  'ApplicantWithdrawn',
  {
    postId: string;
    applicantId: string;
    cause: 'absent' | 'declared' | 'retired' | 'sanctioned' | 'deceased';
    note: string;
    stageId?: string;
  }
>;
export type StageResultsPublished = RoundEvent_<
  'StageResultsPublished',
  { postId: string; stageId: string; ranking: readonly Ranked[]; proceeding: readonly string[] }
>;
export type StageAmended = RoundEvent_<
  'StageAmended',
  OversightLetter & { stage: StageDefinition; previous: StageDefinition; reason: string }
>;
export type ShortlistProposed = RoundEvent_<
  'ShortlistProposed',
  { postId: string; finalists: readonly Finalist[]; fewerThanRequired: boolean }
>;
export type ShortlistReviewed = RoundEvent_<
  'ShortlistReviewed',
  OversightLetter & {
    postId: string;
    ineligible: readonly IneligibleFinalist[];
    acceptedFewer: boolean;
    remaining: readonly string[];
    outcome: 'approved' | 'rerun-required';
  }
>;
export type ShortlistAnnounced = RoundEvent_<
  'ShortlistAnnounced',
  { postId: string; finalists: readonly string[] }
>;
export type DprdLeadershipConsulted = RoundEvent_<
  'DprdLeadershipConsulted',
  { postId: string; letterNumber: string }
>;
export type AppointeeChosen = RoundEvent_<
  'AppointeeChosen',
  { postId: string; applicantId: string; note: string }
>;
export type AppointeeReportedToGovernor = RoundEvent_<
  'AppointeeReportedToGovernor',
  { postId: string; applicantId: string; letterNumber: string }
>;
export type GovernorReplied = RoundEvent_<
  'GovernorReplied',
  {
    postId: string;
    applicantId: string;
    letterNumber: string;
    decision: 'agreed' | 'objected';
    reason: string;
  }
>;
export type DprdLeadershipDecided = RoundEvent_<
  'DprdLeadershipDecided',
  {
    postId: string;
    applicantId: string;
    letterNumber: string;
    decision: 'approved' | 'refused';
    reason: string;
  }
>;
/** Why a chosen finalist stops being the appointee before inauguration (W12, R24, R25). */
export type AppointeeWithdrawalCause =
  'declared' | 'retired' | 'sanctioned' | 'deceased' | 'final-check-failed';
export type AppointeeReleaseCause = AppointeeWithdrawalCause | 'governor-objected' | 'dprd-refused';
/**
 * The chosen finalist is no longer the appointee: the post returns to the PPK's choice among the
 * `remaining` finalists, or to a re-run when none remain (`next`).
 */
export type AppointeeReleased = RoundEvent_<
  'AppointeeReleased',
  {
    postId: string;
    applicantId: string;
    cause: AppointeeReleaseCause;
    note: string;
    remaining: readonly string[];
    next: 'choose-again' | 'rerun-required';
  }
>;
export type InaugurationRecommended = RoundEvent_<
  'InaugurationRecommended',
  OversightLetter & { postId: string; applicantId: string }
>;
export type AppointmentDecreed = RoundEvent_<
  'AppointmentDecreed',
  { postId: string; applicantId: string; decreeNumber: string }
>;
export type AppointeeInaugurated = RoundEvent_<
  'AppointeeInaugurated',
  {
    postId: string;
    applicantId: string;
    inauguratedOn: IsoDate;
    witnesses: readonly Witness[];
    clergy: string;
    minutesNumber: string;
  }
>;
export type PostCancelled = RoundEvent_<'PostCancelled', { postId: string; reason: string }>;
export type PostRerunStarted = RoundEvent_<
  'PostRerunStarted',
  OversightLetter & {
    postId: string;
    run: number;
    reason: string;
    announcedOn: IsoDate;
    registrationDeadline: IsoDate;
  }
>;
/** What the round's clock says about a decision someone owes: the role, the Update and its service level. */
type Chase = {
  postId?: string;
  role: Role;
  decision: string;
  waitingSince: IsoInstant;
  dueAt: IsoInstant;
  serviceLevelDays: number;
};
/** A decision is past its service level: the one who owes it is reminded. Nothing is decided for them. */
export type DecisionReminded = RoundEvent_<'DecisionReminded', Chase & { reminder: number }>;
/** A decision is long overdue: it is raised to whoever oversees the one who owes it. Still nothing is decided. */
export type DecisionEscalated = RoundEvent_<
  'DecisionEscalated',
  Chase & { escalatedTo: 'oversight-leadership' | 'oversight-body'; waitedDays: number }
>;
export type RoundCancelled = RoundEvent_<'RoundCancelled', { reason: string }>;
export type RoundClosed = RoundEvent_<'RoundClosed', { inaugurated: number; withoutAppointee: number }>;

export type RoundEvent =
  | RoundPlanned
  | PlanRevised
  | PlanSubmittedForRecommendation
  | PlanRecommended
  | PlanRecommendationRejected
  | MendagriApprovalRecorded
  | RoundAnnounced
  | ApplicantRegistered
  | RegistrationExtended
  | MinimumApplicantsNotReached
  | UnderfilledPostDecided
  | RegistrationClosed
  | AdministrativeVerdictRecorded
  | StageResultsRecorded
  | ApplicantWithdrawn
  | StageResultsPublished
  | StageAmended
  | ShortlistProposed
  | ShortlistReviewed
  | ShortlistAnnounced
  | DprdLeadershipConsulted
  | AppointeeChosen
  | AppointeeReportedToGovernor
  | GovernorReplied
  | DprdLeadershipDecided
  | AppointeeReleased
  | InaugurationRecommended
  | AppointmentDecreed
  | AppointeeInaugurated
  | PostCancelled
  | PostRerunStarted
  | DecisionReminded
  | DecisionEscalated
  | RoundCancelled
  | RoundClosed;

export type RoundEventType = RoundEvent['type'];
/** The data of one event type without the fields every round event carries. */
export type RoundEventData<T extends RoundEventType> = Omit<
  Extract<RoundEvent, { type: T }>['data'],
  'roundId' | 'at'
>;
