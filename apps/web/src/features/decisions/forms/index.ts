import type { DecisionType } from '../../../api/decisions';
import type { DecisionForm } from '../form-contract';
import { OPERATOR_FORMS } from '../../operator/forms';
import { AdministrativeVerdictForm } from './administrative-verdict';
import { AppointmentDecreeForm, InaugurateForm } from './appointment';
import { ChooseAppointeeForm } from './choose-appointee';
import {
  DprdConsultationForm,
  DprdDecisionForm,
  GovernorReplyForm,
  GovernorReportForm,
  WithdrawAppointeeForm,
} from './gates';
import { InaugurationRecommendationForm, PlanRecommendationForm, UnderfilledPostForm } from './oversight';
import { AnnounceShortlistForm, PublishStageForm } from './pansel-steps';
import { ReviewShortlistForm } from './review-shortlist';
import { ProposeShortlistForm } from './shortlist';
import { StageResultsForm } from './stage-results';

/** The pansel's, the oversight liaison's and the PPK's decision forms, by decision type. */
export const DECISION_FORMS: Partial<Record<DecisionType, DecisionForm>> = {
  RecordAdministrativeVerdict: AdministrativeVerdictForm,
  RecordStageResults: StageResultsForm,
  PublishStageResults: PublishStageForm,
  ProposeShortlist: ProposeShortlistForm,
  AnnounceShortlist: AnnounceShortlistForm,
  RecordPlanRecommendation: PlanRecommendationForm,
  DecideUnderfilledPost: UnderfilledPostForm,
  ReviewShortlist: ReviewShortlistForm,
  RecordInaugurationRecommendation: InaugurationRecommendationForm,
  ConsultDprdLeadership: DprdConsultationForm,
  ChooseAppointee: ChooseAppointeeForm,
  ReportToGovernor: GovernorReportForm,
  RecordGovernorReply: GovernorReplyForm,
  RecordDprdLeadershipDecision: DprdDecisionForm,
  WithdrawAppointee: WithdrawAppointeeForm,
  IssueAppointmentDecree: AppointmentDecreeForm,
  InaugurateAppointee: InaugurateForm,
};

// The operator's forms (features/operator) cover the operator's decisions, the Mendagri approval among them.
const FORMS: Partial<Record<string, DecisionForm>> = { ...DECISION_FORMS, ...OPERATOR_FORMS };

/** The form for a decision type, if the console has one. */
export function formFor(type: string): DecisionForm | undefined {
  return Object.hasOwn(FORMS, type) ? FORMS[type] : undefined;
}

/** Decisions about the whole round: their body names no post (RecordMendagriApproval may name one). */
export const ROUND_WIDE: ReadonlySet<string> = new Set([
  'RevisePlan',
  'SubmitPlanForRecommendation',
  'RecordPlanRecommendation',
  'RecordMendagriApproval',
  'AnnounceRound',
  'AmendStage',
  'CancelRound',
]);

/**
 * Decisions taken many times on one post (one applicant, one batch of scores at a time): the form
 * stays after each. Not a publication: the stage it published is done, and a form left on it would
 * only be refused (STAGE.ALREADY_PUBLISHED); the next stage starts with its scores, from the inbox.
 */
export const REPEATED: ReadonlySet<string> = new Set([
  'RecordAdministrativeVerdict',
  'RecordStageResults',
  'RegisterApplicant',
  'WithdrawApplicant',
]);
