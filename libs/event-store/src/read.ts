import type { Sql, TransactionSql } from 'postgres';
import { APPENDS_CHANNEL } from './notify';
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from './rows';
import { LOG_START, type LogPosition, type StoredEvent } from './types';

/** A stream's events in version order, optionally only up to a version or a moment. */
export async function readStream(
  sql: Sql,
  streamId: string,
  upTo: { version?: number; time?: string; afterVersion?: number; limit?: number } = {},
): Promise<StoredEvent[]> {
  const rows = await sql<EventRow[]>`
    select ${sql.unsafe(EVENT_COLUMNS)} from events
    where stream_id = ${streamId}
      ${upTo.afterVersion === undefined ? sql`` : sql`and stream_version > ${upTo.afterVersion}`}
      ${upTo.version === undefined ? sql`` : sql`and stream_version <= ${upTo.version}`}
      ${upTo.time === undefined ? sql`` : sql`and recorded_at <= ${upTo.time}`}
    order by events.stream_version
    ${upTo.limit === undefined ? sql`` : sql`limit ${upTo.limit}`}`;
  return rows.map(toStoredEvent);
}

/**
 * The next committed events after `after`, in committed order (writing transaction, then global
 * position). Only transactions older than every running one are read, so an append that commits
 * late can never fall behind a position a reader has already passed.
 */
export async function readCommitted(
  sql: Sql,
  after: LogPosition = LOG_START,
  limit = 1000,
): Promise<StoredEvent[]> {
  const rows = await sql<EventRow[]>`
    select ${sql.unsafe(EVENT_COLUMNS)} from events
    where (transaction_id, global_position) > (${after.transactionId.toString()}::xid8, ${after.globalPosition.toString()}::bigint)
      and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
    order by events.transaction_id, events.global_position
    limit ${limit}`;
  return rows.map(toStoredEvent);
}

/** The position of an event, for checkpoints. */
export const positionOf = (e: Pick<StoredEvent, 'transactionId' | 'globalPosition'>): LogPosition => ({
  transactionId: e.transactionId,
  globalPosition: e.globalPosition,
});

/**
 * Calls `onAppend` soon after appends commit (LISTEN/NOTIFY, sent by appenders after commit), and
 * also every `pollMs`, since a notification can be lost (NOTIFY is best effort here, and not durable
 * across reconnects). Returns a stop function.
 */
export async function onAppends(
  sql: Sql,
  onAppend: () => void,
  pollMs = 1_000,
): Promise<() => Promise<void>> {
  const listener = await sql.listen(APPENDS_CHANNEL, () => onAppend());
  const timer = setInterval(onAppend, pollMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    // A connection already closed (PostgreSQL stopping with us) has no LISTEN left to end.
    await listener.unlisten().catch(() => undefined);
  };
}

/** A leaf of the checkpoint tree: an event's chain hash at its place in the committed order. */
export interface LogLeaf extends LogPosition {
  hash: Buffer;
}

/**
 * The chain hashes after `after` in committed order, at most `limit`, and never past `upTo`
 * when given; like readCommitted, only transactions older than every running one.
 */
export async function readCommittedHashes(
  sql: Sql,
  after: LogPosition,
  limit: number,
  upTo?: LogPosition,
): Promise<LogLeaf[]> {
  const rows = await sql<{ transaction_id: string; global_position: string; hash: Buffer }[]>`
    select transaction_id::text, global_position::text, hash from events
    where (transaction_id, global_position) > (${after.transactionId.toString()}::xid8, ${after.globalPosition.toString()}::bigint)
      and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
      ${upTo ? sql`and (transaction_id, global_position) <= (${upTo.transactionId.toString()}::xid8, ${upTo.globalPosition.toString()}::bigint)` : sql``}
    order by events.transaction_id, events.global_position
    limit ${limit}`;
  return rows.map((r) => ({
    transactionId: BigInt(r.transaction_id),
    globalPosition: BigInt(r.global_position),
    hash: r.hash,
  }));
}

/** What read models and the relay need of a stored event (no record text, no hashes). */
export type CommittedEvent = Pick<
  StoredEvent,
  | 'eventId'
  | 'type'
  | 'schemaVersion'
  | 'streamId'
  | 'streamVersion'
  | 'globalPosition'
  | 'transactionId'
  | 'recordedAt'
  | 'data'
  | 'metadata'
>;

/**
 * readCommitted without the hash columns, usable inside the caller's own transaction (a
 * projection updates its tables and checkpoint in the transaction that read the batch).
 */
export async function readCommittedEvents(
  sql: Sql | TransactionSql,
  after: LogPosition = LOG_START,
  limit = 1000,
): Promise<CommittedEvent[]> {
  const rows = await sql<
    Array<{
      stream_id: string;
      stream_version: string;
      gp: string;
      tx: string;
      event_id: string;
      type: string;
      schema_version: number;
      record: string;
    }>
  >`
    select stream_id, stream_version::text, global_position::text as gp, transaction_id::text as tx, event_id::text, type, schema_version, record
    from events
    where (transaction_id, global_position) > (${after.transactionId.toString()}::xid8, ${after.globalPosition.toString()}::bigint)
      and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
    order by events.transaction_id, events.global_position
    limit ${limit}`;
  return rows.map((r) => {
    const record = JSON.parse(r.record) as {
      data: unknown;
      metadata: StoredEvent['metadata'];
      recordedAt: string;
    };
    return {
      eventId: r.event_id,
      type: r.type,
      schemaVersion: r.schema_version,
      streamId: r.stream_id,
      streamVersion: Number(r.stream_version),
      globalPosition: BigInt(r.gp),
      transactionId: BigInt(r.tx),
      recordedAt: record.recordedAt,
      data: record.data,
      metadata: record.metadata,
    };
  });
}
