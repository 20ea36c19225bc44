import type { Role, RotationCommand, RotationEvent, RotationState } from '@selter/domain';
import type { QueryDefinition, UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  ReadStreamPageInput,
  RecordDecisionsInput,
  RecordDecisionsResult,
  StoredDecisionEvent,
} from './activities';

/** The business key of a rotation: its workflow id and its event-store stream id (STYLE.md rule 7). */
export function rotationWorkflowId(agency: string, rotationId: string): string {
  return `rotation-${agency}-${rotationId}`;
}

/** The round id of the open selection a rotation's post falls back to (PP 11/2017 Pasal 131). */
export function openRoundIdOf(rotationId: string, postId: string): string {
  return `${rotationId}-${postId}`;
}

export interface RotationWorkflowInput {
  readonly agency: string;
  readonly rotationId: string;
}

/** An open selection round the rotation started (or found already running) for one of its posts. */
export interface OpenRound {
  readonly postId: string;
  readonly workflowId: string;
  /** False when a round with that id already existed and the rotation joined it instead. */
  readonly started: boolean;
}

/** How a rotation workflow ended. */
export interface RotationOutcome {
  readonly status: RotationState['status'];
  readonly version: number;
  readonly openRounds: readonly OpenRound[];
}

export type RotationCommandType = RotationCommand['type'];
export type RotationCommandOf<T extends RotationCommandType> = Extract<RotationCommand, { type: T }>;

/** Every rotation command is a human decision, hence one Update each (named after the command). */
export const ROTATION_COMMAND_TYPES = [
  'PlanRotation',
  'RecordRotationRecommendation',
  'RecordRotationTests',
  'ProposeRotationMapping',
  'RecordRotationApproval',
  'IssueRotationDecree',
] as const satisfies readonly RotationCommandType[];

// Fails to compile when the domain gains a rotation command that has no Update here.
type MissingRotationUpdate = Exclude<RotationCommandType, (typeof ROTATION_COMMAND_TYPES)[number]>;
const everyRotationCommandHasAnUpdate: MissingRotationUpdate extends never ? true : MissingRotationUpdate =
  true;
void everyRotationCommandHasAnUpdate;

/** What an accepted rotation decision returns: the events it produced and the rotation's new version. */
export interface RotationDecisionResult {
  readonly events: readonly RotationEvent[];
  readonly version: number;
}

export type RotationUpdate<T extends RotationCommandType> = UpdateDefinition<
  RotationDecisionResult,
  [RotationCommandOf<T>],
  T
>;

/** The Update for one rotation command type; its only argument is the command. */
export function rotationUpdate<T extends RotationCommandType>(type: T): RotationUpdate<T> {
  return defineUpdate<RotationDecisionResult, [RotationCommandOf<T>], T>(type);
}

/** A rotation decision a role is awaited for. */
export interface AwaitedRotationDecision {
  readonly role: Role;
  readonly command: RotationCommandType;
}

export const rotationStateQuery: QueryDefinition<RotationState> = defineQuery<RotationState>('state');
export const rotationAwaitingQuery: QueryDefinition<readonly AwaitedRotationDecision[]> =
  defineQuery<readonly AwaitedRotationDecision[]>('awaiting');
export const openRoundsQuery: QueryDefinition<readonly OpenRound[]> =
  defineQuery<readonly OpenRound[]>('openRounds');

/** The activities a rotation workflow calls; workflows import this with `import type` only. */
export interface RotationActivities {
  recordRotationDecisions(
    input: RecordDecisionsInput<RotationEvent>,
  ): Promise<RecordDecisionsResult<RotationEvent>>;
  readRotationEvents(input: ReadStreamPageInput): Promise<StoredDecisionEvent<RotationEvent>[]>;
}
