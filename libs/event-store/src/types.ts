/** Who caused an event and in which chain of causes (STYLE.md rule 2). */
export interface EventMetadata {
  actor?: { id: string; role: string };
  correlationId?: string;
  causationId?: string;
  /** Set when a Temporal workflow produced the event. */
  workflowId?: string;
  runId?: string;
  [key: string]: unknown;
}

/** An event to append. `eventId` makes the append idempotent; `recordedAt` comes from the caller's clock. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  eventId: string;
  type: Type;
  schemaVersion?: number;
  data: Data;
  metadata: EventMetadata;
  recordedAt: string;
}

/** An event as stored, with its place in the stream, the global log and the hash chain. */
export interface StoredEvent<Type extends string = string, Data = unknown> extends Required<
  NewEvent<Type, Data>
> {
  streamId: string;
  streamVersion: number;
  globalPosition: bigint;
  /** The writing transaction (xid8); with `globalPosition` it orders the committed log. */
  transactionId: bigint;
  /** The exact canonical JSON that was hashed. */
  record: string;
  prevHash: Buffer;
  hash: Buffer;
}

/** `'no_stream'`: the stream must not exist; a number: its current version; `'any'`: no check. */
export type ExpectedVersion = number | 'no_stream' | 'any';

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append (pass it as the next expected version). */
  nextExpectedVersion: number;
  positions: Array<{ eventId: string; streamVersion: number; globalPosition: bigint }>;
  /** True when every event was already stored with identical content (a retry). */
  deduplicated: boolean;
}

/** A point in the committed order: events are read strictly after it. */
export interface LogPosition {
  transactionId: bigint;
  globalPosition: bigint;
}

export const LOG_START: LogPosition = { transactionId: 0n, globalPosition: 0n };
