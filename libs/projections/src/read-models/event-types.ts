import type { RoundEventType } from '@selter/domain';

/**
 * The round event types the read models know. `satisfies` makes a renamed or removed domain
 * event a compile error here instead of a read model that silently stops updating.
 */
export const ROUND_EVENT_TYPES = [
  'RoundPlanned',
  'PlanRevised',
  'PlanSubmittedForRecommendation',
  'PlanRecommended',
  'PlanRecommendationRejected',
  'MendagriApprovalRecorded',
  'RoundAnnounced',
  'ApplicantRegistered',
  'RegistrationExtended',
  'MinimumApplicantsNotReached',
  'UnderfilledPostDecided',
  'RegistrationClosed',
  'AdministrativeVerdictRecorded',
  'StageResultsRecorded',
  'ApplicantWithdrawn',
  'StageResultsPublished',
  'StageAmended',
  'ShortlistProposed',
  'ShortlistReviewed',
  'ShortlistAnnounced',
  'DprdLeadershipConsulted',
  'AppointeeChosen',
  'AppointeeReportedToGovernor',
  'GovernorReplied',
  'DprdLeadershipDecided',
  'AppointeeReleased',
  'InaugurationRecommended',
  'AppointmentDecreed',
  'AppointeeInaugurated',
  'PostCancelled',
  'PostRerunStarted',
  'RoundCancelled',
  'RoundClosed',
  'DecisionReminded',
  'DecisionEscalated',
] as const satisfies readonly RoundEventType[];

export type KnownRoundEventType = (typeof ROUND_EVENT_TYPES)[number];

/** A set of event types, checked against the domain's names. */
export const eventTypes = (...types: KnownRoundEventType[]): ReadonlySet<string> => new Set(types);
