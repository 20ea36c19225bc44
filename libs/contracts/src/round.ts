import type {
  AwaitedDecision,
  HumanRoundCommand,
  RoundCalendar,
  RoundEvent,
  RoundState,
} from '@selter/domain';
import type { QueryDefinition, UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';

/** The business key of a round: its workflow id and its event-store stream id (STYLE.md rule 7). */
export function roundWorkflowId(agency: string, roundId: string): string {
  return `round-${agency}-${roundId}`;
}

/**
 * The round's clock: the time of the latest decision, read at a point of workflow time. The
 * clock runs on from there with workflow time, so deadlines follow the decisions' own calendar
 * (ADR 0013): in production the API stamps decisions with the wall clock and the two agree.
 */
export interface ClockAnchor {
  readonly at: string;
  readonly workflowMs: number;
}

/** Where a run continued as new picks up: the stream version to fold to, and the clock. */
export interface RoundResume {
  readonly version: number;
  readonly clock?: ClockAnchor;
  /** Runs so far, for the history (1 for the first continuation). */
  readonly continuation: number;
  /** The calendar the round counts with (ADR 24), carried into the new run; absent for rounds from before calendars were data. */
  readonly calendar?: RoundCalendar;
}

/**
 * The patch id (Temporal `patched`) under which a round loads and pins its calendar and keeps its
 * deadlines in its agency's zone (ADR 24). Histories recorded before it replay with the policy's
 * holiday list, in WIB, unchanged.
 */
export const CALENDARS_AS_DATA_PATCH = 'calendars-as-data';

/**
 * The patch id under which AnnounceRound must carry the stage schedule and the media (R6, ADR 35).
 * Histories recorded before it replay accepting an announcement without them, as they did.
 */
export const ANNOUNCEMENT_CONTENT_PATCH = 'announcement-content';

/**
 * An alarm the round's clock raises instead of acting (ADR 24): its command was refused because a
 * count reaches a year with no calendar. It rides on the awaited decision of the same post (the
 * operator's CloseRegistration), so the inbox of the operator and the admin shows it.
 */
export interface ClockAlarm {
  readonly code: string;
  readonly year?: number;
  readonly command: string;
  readonly since: string;
}

export interface RoundWorkflowInput {
  readonly agency: string;
  readonly roundId: string;
  readonly resume?: RoundResume;
}

/** How a round workflow ended. */
export interface RoundOutcome {
  readonly status: RoundState['status'];
  readonly version: number;
}

/** The commands people send (one Update each); the round's clock issues its own inside the workflow. */
export type RoundCommandType = HumanRoundCommand['type'];
export type RoundCommandOf<T extends RoundCommandType> = Extract<HumanRoundCommand, { type: T }>;

/** Every round command is a human decision, hence one Update each (named after the command). */
export const ROUND_COMMAND_TYPES = [
  'PlanRound',
  'RevisePlan',
  'SubmitPlanForRecommendation',
  'RecordPlanRecommendation',
  'RecordMendagriApproval',
  'AnnounceRound',
  'RegisterApplicant',
  'ExtendRegistration',
  'CloseRegistration',
  'DecideUnderfilledPost',
  'RecordAdministrativeVerdict',
  'RecordStageResults',
  'WithdrawApplicant',
  'PublishStageResults',
  'AmendStage',
  'ProposeShortlist',
  'ReviewShortlist',
  'AnnounceShortlist',
  'ConsultDprdLeadership',
  'ChooseAppointee',
  'ReportToGovernor',
  'RecordGovernorReply',
  'RecordDprdLeadershipDecision',
  'WithdrawAppointee',
  'RecordInaugurationRecommendation',
  'IssueAppointmentDecree',
  'InaugurateAppointee',
  'CancelPost',
  'RerunPost',
  'CancelRound',
] as const satisfies readonly RoundCommandType[];

// Fails to compile when the domain gains a command that has no Update here.
type MissingUpdate = Exclude<RoundCommandType, (typeof ROUND_COMMAND_TYPES)[number]>;
const everyCommandHasAnUpdate: MissingUpdate extends never ? true : MissingUpdate = true;
void everyCommandHasAnUpdate;

/** What an accepted decision returns to its caller: the events it produced and the round's new version. */
export interface DecisionResult {
  readonly events: readonly RoundEvent[];
  readonly version: number;
}

export type RoundUpdate<T extends RoundCommandType> = UpdateDefinition<
  DecisionResult,
  [RoundCommandOf<T>],
  T
>;

/** The Update for one command type; its only argument is the command. */
export function roundUpdate<T extends RoundCommandType>(type: T): RoundUpdate<T> {
  return defineUpdate<DecisionResult, [RoundCommandOf<T>], T>(type);
}

export type { AwaitedDecision };
/** An awaited decision as the `awaiting` Query answers it: with the clock's alarm on its post, if any. */
export type AwaitedWithAlarm = AwaitedDecision & { readonly alarm?: ClockAlarm };

export const roundStateQuery: QueryDefinition<RoundState> = defineQuery<RoundState>('state');
export const awaitingQuery: QueryDefinition<readonly AwaitedWithAlarm[]> =
  defineQuery<readonly AwaitedWithAlarm[]>('awaiting');
