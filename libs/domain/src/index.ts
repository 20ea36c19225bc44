// Public API of @selter/domain: pure deciders, events, rules, policies and errors. No I/O, clock or randomness.
export type { Actor, CommandMetadata, EventMetadata, Role } from './shared/metadata';
export { eventMetadataOf } from './shared/metadata';
export type { Command, Event } from './shared/message';
export type { Decider } from './shared/decider';
export { RULE_IDS, type Reason, type RuleId } from './shared/rule-id';
export { DomainError, tryDecideWith, type DecideResult } from './shared/errors';
export { ERROR_CODES, type ErrorCode, type ErrorCodeEntry, type ErrorKind } from './shared/error-codes';
export {
  findJsonFault,
  jsonFaultReason,
  MAX_NESTING,
  textProblemOf,
  type JsonFault,
  type TextProblem,
} from './shared/text';
export * as time from './shared/time';
export type { IsoDate, IsoInstant, DayCounting, Holidays } from './shared/time';
export {
  CALENDAR_EVENT_TYPES,
  CALENDAR_STREAM,
  decideCalendar,
  evolveCalendar,
  holidaysOfCalendar,
  initialCalendarBook,
  isAgencyLevel,
  isZone,
  roundCalendarOf,
  AGENCY_LEVELS,
  zoneOf,
  ZONE_OFFSETS,
  type AgencyPlace,
  type CalendarBook,
  type CalendarCommand,
  type CalendarEvent,
  type CalendarEventType,
  type CalendarYear,
  type DayOff,
  type DayOffKind,
  type RoundCalendar,
  type Zone,
} from './calendar/calendar';
export { agenciesUnder, provinceOver } from './calendar/hierarchy';

export type * from './policy/types';
export {
  BODY_ID,
  checkOversightBook,
  decisionDateOf,
  gateHolderOn,
  isOversightBody,
  OVERSIGHT_BOOK,
  successionOn,
  type BodyLevel,
  type GateHolder,
  type OversightBodyId,
  type OversightBodyInfo,
  type OversightBook,
  type SuccessionRow,
} from './oversight/bodies';
export { bodyRefusal } from './oversight/refuse';
export { KASN_2019 } from './policy/kasn-2019';
export { BKN_2024, BKN_2025 } from './policy/bkn-2024';
export {
  derivePolicy,
  KASN_2019_MIN3,
  KASN_2019_SE52,
  BKN_2024_ASSESSMENT_2Y,
  BKN_2025_LEAD_DAY_AFTER,
  BKN_2024_AGE_NOT_YET_57,
} from './policy/variants';
export { INDONESIAN_HOLIDAYS } from './policy/holidays';
export {
  createPolicyRegistry,
  DEFAULT_POLICIES,
  getPolicy,
  isInForce,
  policyFor,
  type PolicyRegistry,
} from './policy/registry';

export { RULES, type RuleEntry } from './rules/registry';
export type { ApplicantProfile, PriorPostKind } from './rules/applicant';
export type { EligibilityContext, EligibilityPredicate } from './rules/eligibility';
export { AGE_LIMIT, EDUCATION, EXPERIENCE, PRIOR_POST } from './rules/eligibility';
export {
  HOME_PPK_RECOMMENDATION,
  LEADERSHIP_TRAINING,
  RANK,
  REQUIRED_DOCUMENTS,
} from './rules/eligibility-documents';
export {
  ELIGIBILITY_PREDICATES,
  evaluateEligibility,
  type EligibilityOutcome,
  type FailedRequirement,
} from './rules/evaluate';

export type * from './round/plan-types';
export type * from './round/events';
export type * from './round/commands';
export { initialState, applicantIn, TERMINAL_POST_STATUSES, ROUND_SCOPE } from './round/state';
export { awaitedDecisions, serviceLevelOf, type AwaitedDecision } from './round/awaiting';
export {
  EventVersionError,
  isRoundEventType,
  ROUND_EVENT_VERSIONS,
  upcastIfRoundEvent,
  upcastRoundEvent,
  type StoredRoundEvent,
  type Upcast,
} from './round/upcast';
export { roundSchedule, dueCommands, chaseTimes, type ScheduledCommand } from './round/schedule';
export type {
  RoundState,
  RoundStatus,
  PostState,
  PostStatus,
  ApplicantState,
  Shortlist,
  Appointee,
  Wait,
} from './round/state';
export { decide, tryDecide, createRoundDecider, type RoundDecider } from './round/decide';
export type { DeciderOptions } from './round/context';
export { evolve } from './round/evolve';
export { MANDATORY_STAGE_KINDS } from './round/validate-stages';
export { checkPlan, type PlanCheck } from './round/check-plan';
export { internalMembers, isInternalMember, worksForAgency } from './round/pansel-employer';
export { ASSESSMENT_CENTRES, type AssessmentCentre } from './round/assessment-centres';
export { planFindings } from './round/validate-plan';
export { stageTopicFor } from './round/stage-content';
export { electionWindowOn } from './round/election-window';

export type * from './rotation/types';
export { initialRotationState } from './rotation/types';
export { decideRotation, tryDecideRotation, createRotationDecider } from './rotation/decide';
export { evolveRotation } from './rotation/evolve';

export { foldStream, type FoldedStream } from './fold';
