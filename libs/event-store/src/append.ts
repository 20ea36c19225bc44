import type { Sql, TransactionSql } from 'postgres';
import { ConcurrencyError, IdempotencyConflictError, InvalidAppendError } from './errors';
import { canonicalRecord, chainHash, GENESIS_HASH } from './hash-chain';
import type { AppendResult, ExpectedVersion, NewEvent } from './types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function validate(streamId: string, events: readonly NewEvent[]): void {
  if (!streamId || streamId.length > 200) throw new InvalidAppendError('stream id must be 1-200 characters');
  if (events.length === 0) throw new InvalidAppendError('nothing to append');
  const ids = new Set<string>();
  for (const e of events) {
    if (!UUID.test(e.eventId)) throw new InvalidAppendError(`event id ${e.eventId} is not a uuid`);
    if (ids.has(e.eventId.toLowerCase())) throw new InvalidAppendError(`event id ${e.eventId} repeated in one append`);
    ids.add(e.eventId.toLowerCase());
    if (Number.isNaN(Date.parse(e.recordedAt))) throw new InvalidAppendError(`event ${e.eventId}: recordedAt is not a date`);
  }
}

/** A retry of an append that already happened returns the original positions, or conflicts. */
async function priorAppend(tx: TransactionSql, streamId: string, events: readonly NewEvent[]): Promise<AppendResult | undefined> {
  const ids = events.map((e) => e.eventId.toLowerCase());
  const rows = await tx<{ stream_id: string; stream_version: string; global_position: string; event_id: string; record: string }[]>`
    select stream_id, stream_version, global_position::text, event_id::text, record from events where event_id in ${tx(ids)}`;
  if (rows.length === 0) return undefined;
  const byId = new Map(rows.map((r) => [r.event_id, r]));
  const positions = events.map((e) => {
    const row = byId.get(e.eventId.toLowerCase());
    if (!row) throw new IdempotencyConflictError(e.eventId, 'part of this batch was appended before in another batch');
    if (row.stream_id !== streamId) throw new IdempotencyConflictError(e.eventId, `stored in stream ${row.stream_id}`);
    if (row.record !== canonicalRecord(streamId, Number(row.stream_version), e)) throw new IdempotencyConflictError(e.eventId, 'payload differs');
    return { eventId: e.eventId, streamVersion: Number(row.stream_version), globalPosition: BigInt(row.global_position) };
  });
  const last = positions[positions.length - 1];
  return { streamId, nextExpectedVersion: last?.streamVersion ?? 0, positions, deduplicated: true };
}

function checkExpected(streamId: string, expected: ExpectedVersion, actual: number): void {
  const ok = expected === 'any' || (expected === 'no_stream' ? actual === 0 : expected === actual);
  if (!ok) throw new ConcurrencyError(streamId, expected, actual);
}

const isUniqueViolation = (error: unknown, constraint: string): boolean =>
  (error as { code?: string; constraint_name?: string }).code === '23505' && (error as { constraint_name?: string }).constraint_name === constraint;

/**
 * Appends events to a stream in one transaction, chaining each event's hash to the previous one.
 * Fails with ConcurrencyError when the stream is not at `expected`; a retry with the same event
 * ids and content returns the original positions; a reused id with other content throws.
 */
export async function appendToStream(sql: Sql, streamId: string, expected: ExpectedVersion, events: readonly NewEvent[]): Promise<AppendResult> {
  validate(streamId, events);
  try {
    return await sql.begin(async (tx) => {
      const prior = await priorAppend(tx, streamId, events);
      if (prior) return prior;
      const [head] = await tx<{ stream_version: string; hash: Buffer }[]>`
        select stream_version, hash from events where stream_id = ${streamId} order by stream_version desc limit 1`;
      const actual = head ? Number(head.stream_version) : 0;
      checkExpected(streamId, expected, actual);
      let prevHash = head?.hash ?? GENESIS_HASH;
      const rows = events.map((e, i) => {
        const streamVersion = actual + i + 1;
        const record = canonicalRecord(streamId, streamVersion, e);
        const hash = chainHash(prevHash, record);
        const row = { stream_id: streamId, stream_version: streamVersion, event_id: e.eventId, type: e.type, schema_version: e.schemaVersion ?? 1, recorded_at: e.recordedAt, record, prev_hash: prevHash, hash };
        prevHash = hash;
        return row;
      });
      const inserted = await tx<{ event_id: string; stream_version: string; global_position: string }[]>`
        insert into events ${tx(rows)} returning event_id::text, stream_version, global_position::text`;
      const positions = inserted.map((r) => ({ eventId: r.event_id, streamVersion: Number(r.stream_version), globalPosition: BigInt(r.global_position) }));
      return { streamId, nextExpectedVersion: actual + events.length, positions, deduplicated: false };
    });
  } catch (error) {
    // A concurrent writer took the version first (the constraint, not isolation, decides).
    if (isUniqueViolation(error, 'events_stream_version_unique')) {
      const [row] = await sql<{ v: string | null }[]>`select max(stream_version)::text as v from events where stream_id = ${streamId}`;
      throw new ConcurrencyError(streamId, expected, Number(row?.v ?? 0));
    }
    // A concurrent retry of this very append won: resolve it as a retry.
    if (isUniqueViolation(error, 'events_event_id_unique')) return sql.begin(async (tx) => (await priorAppend(tx, streamId, events)) ?? Promise.reject(error));
    throw error;
  }
}
