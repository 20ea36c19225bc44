import type { Sql } from 'postgres';
import { v5 as uuidv5 } from 'uuid';
import { appendToStream, recordedAtOf } from './append';
import { ConcurrencyError, IdempotencyConflictError, InvalidAppendError } from './errors';
import { readStream } from './read';
import type { EventMetadata, NewEvent, StoredEvent } from './types';

/** The UUID namespace of decision-derived event ids (a fixed random UUID; never change it). */
const DECISION_EVENTS = '5b0d6a52-3e8f-4c41-9d0a-2f1b7c9e4a61';

/**
 * The id of the `index`-th event of decision `decisionId` in `streamId` (UUID v5, RFC 9562 §5.5):
 * the same decision always gets the same ids, and two decisions never share one (ADR 16).
 */
export function decisionEventId(streamId: string, decisionId: string, index: number): string {
  return uuidv5(`${streamId}\n${decisionId}\n${index}`, DECISION_EVENTS);
}

/** One decision's events as the store takes them: no id, no time (both come from the batch). */
export type DecidedEvent = Omit<NewEvent, 'eventId' | 'recordedAt'>;

export interface DecisionBatch {
  readonly streamId: string;
  readonly expectedVersion: number;
  readonly decisions: ReadonlyArray<{
    readonly decisionId: string;
    readonly events: readonly DecidedEvent[];
  }>;
  readonly recordedAt: string;
  /** How many unfolded events a `behind` answer carries at most (the workflow asks again for more). */
  readonly pageSize?: number;
}

/** A stored event with the decision that produced it (metadata.decisionId; absent on older events). */
export interface DecisionEvent {
  readonly version: number;
  readonly decisionId?: string;
  readonly event: StoredEvent;
}

export type DecisionBatchOutcome =
  | { readonly outcome: 'recorded'; readonly version: number }
  | { readonly outcome: 'behind'; readonly stored: readonly DecisionEvent[] }
  | {
      readonly outcome: 'rejected';
      readonly code: 'EVENT_STORE.REJECTED';
      readonly message: string;
      readonly sqlState?: string;
    }
  | { readonly outcome: 'stale'; readonly recordedAt: string; readonly follows: string };

/**
 * SQLSTATE classes of a refusal that no retry can change: 22 data exception (a NUL in jsonb 22P05,
 * an invalid text representation 22P02, a value out of range), 23 integrity constraint (except the
 * unique violation 23505, which is a race and handled as `behind`), 54 program limit exceeded (a value
 * too large to index or store). Everything else (connection lost 08*, shutdown 57P*, serialization
 * 40*, permissions 42501 while an operator fixes a grant) is retried.
 */
const PERMANENT_SQL_CLASSES = new Set(['22', '23', '54']);

function permanentRefusal(error: unknown): { message: string; sqlState?: string } | undefined {
  if (error instanceof InvalidAppendError) return { message: error.message };
  const code = (error as { code?: unknown } | null)?.code;
  if (
    typeof code === 'string' &&
    /^[0-9A-Z]{5}$/.test(code) &&
    code !== '23505' &&
    PERMANENT_SQL_CLASSES.has(code.slice(0, 2))
  ) {
    return { message: (error as Error).message, sqlState: code };
  }
  // Thrown while encoding the batch, before anything reached the server: the content itself is at fault.
  if (error instanceof TypeError || error instanceof RangeError) return { message: error.message };
  return undefined;
}

const decisionEventOf = (event: StoredEvent): DecisionEvent => {
  const decisionId = (event.metadata as EventMetadata).decisionId;
  return { version: event.streamVersion, ...(typeof decisionId === 'string' ? { decisionId } : {}), event };
};

async function head(sql: Sql, streamId: string): Promise<number> {
  const [row] = await sql<
    { v: string | null }[]
  >`select max(stream_version)::text as v from events where stream_id = ${streamId}`;
  return Number(row?.v ?? 0);
}

/** The events after `expectedVersion` the workflow has not folded: `behind`, or a store behind its workflow (a fault). */
async function behind(sql: Sql, batch: DecisionBatch): Promise<DecisionBatchOutcome> {
  const stored = await readStream(sql, batch.streamId, {
    afterVersion: batch.expectedVersion,
    limit: batch.pageSize ?? 100,
  });
  if (stored.length === 0) {
    // The stream ends before the version the workflow decided on, or the batch's ids are stored at
    // versions the workflow already folded under other decisions: the store and the workflow
    // disagree in a way folding cannot mend. Thrown (retried, the round shows as stuck): never guessed.
    throw new Error(
      `${batch.streamId}: the store ends at version ${await head(sql, batch.streamId)}, the workflow expected ${batch.expectedVersion}; see docs/operations.md (stuck rounds)`,
    );
  }
  return { outcome: 'behind', stored: stored.map(decisionEventOf) };
}

/**
 * The time of the event a batch would follow, when the batch was decided before it: the batch comes
 * from a workflow task Temporal has discarded and handed to a newer attempt, which stored that event
 * (a zombie: a worker paused, or cut off from Temporal but not from the store, past the task
 * timeout, whose workflow code and local activities run on). Such a batch must store nothing: after
 * folding the newer events the zombie decides its decisions again, and may store one the live
 * attempt has already refused. A newer attempt always decides later in workflow time (it starts
 * after the discarded one timed out), and a replayed batch follows the event it followed the first
 * time, so only zombies are stopped here. It also keeps `recorded_at` ordered within a stream, as
 * reads as of a time (`readStream(..., { time })`) assume.
 */
async function decidedBefore(sql: Sql, batch: DecisionBatch): Promise<string | undefined> {
  if (batch.expectedVersion === 0) return undefined;
  // Cached for the heads this process appended (the usual case: one worker per round at a time).
  const follows = await recordedAtOf(sql, batch.streamId, batch.expectedVersion);
  if (follows === undefined) return undefined; // the stream ends before it: the append answers that (behind, or a fault)
  return Date.parse(batch.recordedAt) < Date.parse(follows) ? new Date(follows).toISOString() : undefined;
}

/**
 * Records a batch of decided decisions at `expectedVersion`, all or nothing (ADR 16). Each event's
 * id derives from its decision, and its metadata names the decision (`decisionId`), so the stream
 * itself says which decision every event belongs to. A batch with no events confirms only that
 * the stream is still at `expectedVersion` (the workflow's refusals were judged on current state).
 * A batch decided before the event it would follow is `stale` and stores nothing (see `decidedBefore`).
 */
export async function recordDecisions(sql: Sql, batch: DecisionBatch): Promise<DecisionBatchOutcome> {
  const events: NewEvent[] = batch.decisions.flatMap(({ decisionId, events: decided }) =>
    decided.map((e, index) => ({
      ...e,
      eventId: decisionEventId(batch.streamId, decisionId, index),
      metadata: { ...e.metadata, decisionId },
      recordedAt: batch.recordedAt,
    })),
  );
  if (events.length === 0) {
    return (await head(sql, batch.streamId)) === batch.expectedVersion
      ? { outcome: 'recorded', version: batch.expectedVersion }
      : behind(sql, batch);
  }
  const follows = await decidedBefore(sql, batch);
  if (follows !== undefined) return { outcome: 'stale', recordedAt: batch.recordedAt, follows };
  try {
    const result = await appendToStream(
      sql,
      batch.streamId,
      batch.expectedVersion === 0 ? 'no_stream' : batch.expectedVersion,
      events,
    );
    // A retry of this very batch (a lost response) finds its events where it put them.
    if (result.positions[0]?.streamVersion !== batch.expectedVersion + 1) return behind(sql, batch);
    return { outcome: 'recorded', version: result.nextExpectedVersion };
  } catch (error) {
    if (error instanceof ConcurrencyError || error instanceof IdempotencyConflictError)
      return behind(sql, batch);
    const refusal = permanentRefusal(error);
    if (refusal) return { outcome: 'rejected', code: 'EVENT_STORE.REJECTED', ...refusal };
    throw error;
  }
}
