import type { RoundCalendar, RoundEvent } from '@selter/domain';

/**
 * One decision to record: the events it produced, under the id of the decision that produced them
 * (the Temporal Update id, or the round clock's key). The store derives each event's id from the
 * stream, this id and the event's index in the decision (ADR 16), so an event id is bound to exactly
 * one decision: a retried or re-decided workflow task can never store other content under it.
 */
export interface DecisionToRecord<E> {
  readonly decisionId: string;
  readonly events: readonly E[];
}

export interface RecordDecisionsInput<E> {
  readonly streamId: string;
  /** The stream version the workflow's recorded state was at when it decided these decisions. */
  readonly expectedVersion: number;
  /** In decision order; the batch is stored all or nothing. */
  readonly decisions: readonly DecisionToRecord<E>[];
  /** The workflow time of the decisions: part of the stored record. */
  readonly recordedAt: string;
}

/** A stored event as a workflow folds it: its version, the decision that produced it (when known), the event. */
export interface StoredDecisionEvent<E> {
  readonly version: number;
  /** Absent on events stored before decisions had ids (ADR 16). */
  readonly decisionId?: string;
  readonly event: E;
}

/**
 * What the store answered for a batch of decisions (ADR 16):
 * - `recorded`: every event stored at the versions after `expectedVersion` (or there were none to
 *   store and the stream was indeed at `expectedVersion`);
 * - `behind`: the stream holds events after `expectedVersion` that the workflow has not folded (a
 *   discarded workflow task's append, a zombie attempt): a page of them, for the workflow to fold
 *   before it decides the batch again; nothing of this batch was stored;
 * - `rejected`: the store refuses this content for good (a value PostgreSQL cannot store, a
 *   constraint): nothing was stored, and asking again changes nothing;
 * - `stale`: the batch was decided (`recordedAt`, workflow time) before the event it would follow
 *   was recorded (`follows`): it comes from a workflow task Temporal discarded and gave to a newer
 *   attempt, which stored that event; nothing was stored, and this attempt must decide nothing more.
 * Transient failures (connection lost, restart) are thrown and retried.
 */
export type RecordDecisionsResult<E> =
  | { readonly outcome: 'recorded'; readonly version: number }
  | { readonly outcome: 'behind'; readonly stored: readonly StoredDecisionEvent<E>[] }
  | {
      readonly outcome: 'rejected';
      readonly code: string;
      readonly message: string;
      readonly sqlState?: string;
    }
  | { readonly outcome: 'stale'; readonly recordedAt: string; readonly follows: string };

/** A page of a stream's stored events, for a workflow to fold its state from. */
export interface ReadStreamPageInput {
  readonly streamId: string;
  readonly afterVersion: number;
  readonly limit: number;
}

/** The activities a round workflow calls; workflows import this with `import type` only. */
export interface RoundActivities {
  recordRoundDecisions(input: RecordDecisionsInput<RoundEvent>): Promise<RecordDecisionsResult<RoundEvent>>;
  /** The events after a version, in stream order; the store is the record a new run starts from. */
  readRoundEvents(input: ReadStreamPageInput): Promise<StoredDecisionEvent<RoundEvent>[]>;
  /** The agency's calendar as the calendar stream holds it now (ADR 24); the round pins the result. */
  loadRoundCalendar(input: { readonly agency: string }): Promise<RoundCalendar>;
}
