import type { RoundEvent } from '@selter/domain';

/** One event to store, with the id the workflow drew from its deterministic `uuid4()`. */
export interface EventToAppend {
  readonly eventId: string;
  readonly event: RoundEvent;
}

export interface AppendRoundEventsInput {
  readonly streamId: string;
  /** The stream version the workflow's state was at when it decided these events. */
  readonly expectedVersion: number;
  readonly events: readonly EventToAppend[];
  /** The workflow time of the decision: part of the stored record, so a retry must send the same. */
  readonly recordedAt: string;
}

export interface AppendRoundEventsResult {
  readonly nextExpectedVersion: number;
  /** True when the events were already stored (the activity was retried after a successful append). */
  readonly deduplicated: boolean;
}

/** A page of a round's stored events, for a new run (after continue-as-new) to fold its state from. */
export interface ReadRoundEventsInput {
  readonly streamId: string;
  readonly afterVersion: number;
  readonly limit: number;
}

/** The activities a round workflow calls; workflows import this with `import type` only. */
export interface RoundActivities {
  appendRoundEvents(input: AppendRoundEventsInput): Promise<AppendRoundEventsResult>;
  /** The events after a version, in stream order; the store is the record a new run starts from. */
  readRoundEvents(input: ReadRoundEventsInput): Promise<RoundEvent[]>;
}
