import type { RoundCommandType } from '@selter/contracts';
import type { OversightGate, Role, ServiceLevels } from '@selter/domain';

type Caller = Exclude<Role, 'system' | 'auditor'>;

/**
 * Who may send each round decision. Agencies' own staff (operator: BKD/BKPSDM, the secretariat)
 * run the paperwork; the pansel judges applicants; the PPK chooses and appoints; an oversight
 * liaison records its body's gates. An admin may act as an operator of any agency, never as a
 * pansel, PPK or oversight body: those decisions carry a person's legal authority (ADR 10).
 */
export const ROLES_OF: Readonly<Record<RoundCommandType, readonly Caller[]>> = {
  PlanRound: ['operator', 'admin'],
  RevisePlan: ['operator', 'admin'],
  SubmitPlanForRecommendation: ['operator', 'admin'],
  RecordPlanRecommendation: ['oversight'],
  RecordMendagriApproval: ['operator', 'admin'],
  AnnounceRound: ['operator', 'pansel', 'admin'],
  RegisterApplicant: ['operator', 'admin'],
  ExtendRegistration: ['operator', 'admin'],
  CloseRegistration: ['operator', 'admin'],
  DecideUnderfilledPost: ['oversight'],
  RecordAdministrativeVerdict: ['pansel'],
  RecordStageResults: ['pansel'],
  WithdrawApplicant: ['operator', 'pansel', 'admin'],
  PublishStageResults: ['pansel'],
  AmendStage: ['oversight'],
  ProposeShortlist: ['pansel'],
  ReviewShortlist: ['oversight'],
  AnnounceShortlist: ['pansel'],
  ConsultDprdLeadership: ['ppk'],
  ChooseAppointee: ['ppk'],
  ReportToGovernor: ['ppk'],
  // The governor's and the DPRD leadership's letters are addressed to the PPK; the agency's staff
  // may record them as they arrive (neither is an oversight gate).
  RecordGovernorReply: ['ppk', 'operator'],
  RecordDprdLeadershipDecision: ['ppk', 'operator'],
  WithdrawAppointee: ['operator', 'ppk', 'admin'],
  RecordInaugurationRecommendation: ['oversight'],
  IssueAppointmentDecree: ['ppk'],
  InaugurateAppointee: ['ppk'],
  CancelPost: ['operator', 'admin'],
  RerunPost: ['operator', 'oversight', 'admin'],
  CancelRound: ['operator', 'admin'],
};

/** The oversight gate a liaison's decision records: its body must hold that gate under the round's policy. */
export const GATE_OF: Readonly<Partial<Record<RoundCommandType, OversightGate>>> = {
  RecordPlanRecommendation: 'planRecommendation',
  DecideUnderfilledPost: 'underfilledPostDecision',
  AmendStage: 'stageAmendment',
  ReviewShortlist: 'shortlistReview',
  RecordInaugurationRecommendation: 'inaugurationRecommendation',
  RerunPost: 'rerunRecommendation',
};

/** Decisions about one applicant's merit: a pansel member with a declared conflict of interest may not take them (R3). */
export const JUDGES_APPLICANTS: ReadonlySet<RoundCommandType> = new Set([
  'RecordAdministrativeVerdict',
  'RecordStageResults',
  'WithdrawApplicant',
]);

/** The policy's soft service level for a decision, where it sets one (inbox: waited vs SLA). */
export const SERVICE_LEVEL_OF: Readonly<Partial<Record<RoundCommandType, keyof ServiceLevels>>> = {
  RecordPlanRecommendation: 'planRecommendationDays',
  DecideUnderfilledPost: 'underfilledDecisionDays',
  ReviewShortlist: 'shortlistReviewDays',
  ChooseAppointee: 'ppkChoiceDays',
  RecordInaugurationRecommendation: 'inaugurationDays',
  IssueAppointmentDecree: 'inaugurationDays',
  InaugurateAppointee: 'inaugurationDays',
};
