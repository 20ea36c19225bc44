import type { OversightLetter, RoundPlan, StageDefinition, StageSlot } from './plan-types';
import type {
  AppointeeWithdrawalCause,
  ApplicantWithdrawn,
  IneligibleFinalist,
  StageResult,
  Witness,
} from './events';
import type { ApplicantProfile } from '../rules/applicant';
import type { Command } from '../shared/message';
import type { RuleId } from '../shared/rule-id';
import type { IsoDate } from '../shared/time';

type PostRef = { postId: string };

export type PlanRound = Command<'PlanRound', { roundId: string; plan: RoundPlan; policyId?: string }>;
export type RevisePlan = Command<'RevisePlan', { plan: RoundPlan; reason: string }>;
export type SubmitPlanForRecommendation = Command<'SubmitPlanForRecommendation', Record<string, never>>;
export type RecordPlanRecommendation = Command<
  'RecordPlanRecommendation',
  OversightLetter & { decision: 'approved' | 'rejected'; reason?: string }
>;
export type RecordMendagriApproval = Command<
  'RecordMendagriApproval',
  { purpose: 'selection' | 'inauguration'; postId?: string; letterNumber: string }
>;
export type AnnounceRound = Command<
  'AnnounceRound',
  {
    reach: 'national' | 'province' | 'agency';
    signedBy: 'pansel-chair' | 'secretariat-head';
    secretariatContact: string;
    /**
     * R6 (PP 117(4)(e)): each stage's dates. Required for new announcements; absent only in
     * commands recorded before it was (old workflow histories replay as decided, ADR 35).
     */
    stageSchedule?: readonly StageSlot[];
    /** R6 (PP 117(1)): where the announcement is published (site, SSCASN, newspaper). Required as above. */
    media?: readonly string[];
  }
>;
export type RegisterApplicant = Command<
  'RegisterApplicant',
  PostRef & { applicantId: string; applicant: ApplicantProfile; invited?: boolean }
>;
export type ExtendRegistration = Command<'ExtendRegistration', PostRef & { approval?: OversightLetter }>;
export type CloseRegistration = Command<'CloseRegistration', PostRef>;
export type DecideUnderfilledPost = Command<
  'DecideUnderfilledPost',
  PostRef & OversightLetter & { decision: 'continue' | 'drop' | 'postpone'; reason: string }
>;
export type RecordAdministrativeVerdict = Command<
  'RecordAdministrativeVerdict',
  PostRef & { applicantId: string; findings?: readonly { ruleId: RuleId; note: string }[] }
>;
export type RecordStageResults = Command<
  'RecordStageResults',
  PostRef & { stageId: string; results: readonly StageResult[]; absent?: readonly string[] }
>;
export type WithdrawApplicant = Command<
  'WithdrawApplicant',
  PostRef & {
    applicantId: string;
    cause: Exclude<ApplicantWithdrawn['data']['cause'], 'absent'>;
    note: string;
  }
>;
export type PublishStageResults = Command<'PublishStageResults', PostRef & { stageId: string }>;
export type AmendStage = Command<'AmendStage', OversightLetter & { stage: StageDefinition; reason: string }>;
export type ProposeShortlist = Command<'ProposeShortlist', PostRef & { finalists: readonly string[] }>;
export type ReviewShortlist = Command<
  'ReviewShortlist',
  PostRef & OversightLetter & { ineligible?: readonly IneligibleFinalist[]; acceptFewer?: boolean }
>;
export type AnnounceShortlist = Command<'AnnounceShortlist', PostRef>;
export type ConsultDprdLeadership = Command<'ConsultDprdLeadership', PostRef & { letterNumber: string }>;
export type ChooseAppointee = Command<'ChooseAppointee', PostRef & { applicantId: string; note?: string }>;
/** R24: the request to coordinate the chosen finalist with the governor (the agency's letter). */
export type ReportToGovernor = Command<'ReportToGovernor', PostRef & { letterNumber: string }>;
/** R24: the governor's reply to the coordination request: agrees, or objects with a reason. */
export type RecordGovernorReply = Command<
  'RecordGovernorReply',
  PostRef & { letterNumber: string; decision: 'agreed' | 'objected'; reason?: string }
>;
/** R25: the DPRD leadership's approval or refusal of the finalist chosen as Sekwan. */
export type RecordDprdLeadershipDecision = Command<
  'RecordDprdLeadershipDecision',
  PostRef & { letterNumber: string; decision: 'approved' | 'refused'; reason?: string }
>;
/** W12: the chosen finalist withdraws, or fails the final checks (I-MUT), before inauguration. */
export type WithdrawAppointee = Command<
  'WithdrawAppointee',
  PostRef & { cause: AppointeeWithdrawalCause; note: string }
>;
export type RecordInaugurationRecommendation = Command<
  'RecordInaugurationRecommendation',
  PostRef & OversightLetter
>;
export type IssueAppointmentDecree = Command<'IssueAppointmentDecree', PostRef & { decreeNumber: string }>;
export type InaugurateAppointee = Command<
  'InaugurateAppointee',
  PostRef & { inauguratedOn: IsoDate; witnesses: readonly Witness[]; clergy: string; minutesNumber: string }
>;
export type CancelPost = Command<'CancelPost', PostRef & { reason: string }>;
export type RerunPost = Command<
  'RerunPost',
  PostRef & OversightLetter & { reason: string; registrationDeadline: IsoDate }
>;
export type CancelRound = Command<'CancelRound', { reason: string }>;

/** The round's clock: a post's registration deadline has passed (it closes, or extends per R18/R19). */
export type PassRegistrationDeadline = Command<'PassRegistrationDeadline', PostRef>;
/** The round's clock: an awaited decision is past its service level (a reminder, or an escalation). */
export type ChaseDecision = Command<
  'ChaseDecision',
  { postId?: string; decision: string; level: 'reminder' | 'escalation' }
>;

/** Commands the round's own clock issues (actor role `system`): never a person's decision, so never an Update. */
export type ClockRoundCommand = PassRegistrationDeadline | ChaseDecision;

export type RoundCommand = HumanRoundCommand | ClockRoundCommand;

/** Every decision a person takes in a round: one Temporal Update each. */
export type HumanRoundCommand =
  | PlanRound
  | RevisePlan
  | SubmitPlanForRecommendation
  | RecordPlanRecommendation
  | RecordMendagriApproval
  | AnnounceRound
  | RegisterApplicant
  | ExtendRegistration
  | CloseRegistration
  | DecideUnderfilledPost
  | RecordAdministrativeVerdict
  | RecordStageResults
  | WithdrawApplicant
  | PublishStageResults
  | AmendStage
  | ProposeShortlist
  | ReviewShortlist
  | AnnounceShortlist
  | ConsultDprdLeadership
  | ChooseAppointee
  | ReportToGovernor
  | RecordGovernorReply
  | RecordDprdLeadershipDecision
  | WithdrawAppointee
  | RecordInaugurationRecommendation
  | IssueAppointmentDecree
  | InaugurateAppointee
  | CancelPost
  | RerunPost
  | CancelRound;
