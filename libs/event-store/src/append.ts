import type { Sql } from 'postgres';
import { ConcurrencyError, IdempotencyConflictError, InvalidAppendError } from './errors';
import { canonicalRecord, chainHash, GENESIS_HASH } from './hash-chain';
import { HeadCache } from './head-cache';
import { notifyAppended } from './notify';
import type { AppendResult, ExpectedVersion, NewEvent } from './types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const caches = new WeakMap<Sql, HeadCache>();

function validate(streamId: string, events: readonly NewEvent[]): void {
  if (!streamId || streamId.length > 200) throw new InvalidAppendError('stream id must be 1-200 characters');
  if (events.length === 0) throw new InvalidAppendError('nothing to append');
  const ids = new Set<string>();
  for (const e of events) {
    if (!UUID.test(e.eventId)) throw new InvalidAppendError(`event id ${e.eventId} is not a uuid`);
    if (ids.has(e.eventId.toLowerCase()))
      throw new InvalidAppendError(`event id ${e.eventId} repeated in one append`);
    ids.add(e.eventId.toLowerCase());
    if (Number.isNaN(Date.parse(e.recordedAt)))
      throw new InvalidAppendError(`event ${e.eventId}: recordedAt is not a date`);
  }
}

/** A retry of an append that already happened returns the original positions, or conflicts. */
async function priorAppend(
  sql: Sql,
  streamId: string,
  events: readonly NewEvent[],
): Promise<AppendResult | undefined> {
  const ids = events.map((e) => e.eventId.toLowerCase());
  const rows = await sql<
    { stream_id: string; stream_version: string; global_position: string; event_id: string; record: string }[]
  >`
    select stream_id, stream_version, global_position::text, event_id::text, record from events where event_id in ${sql(ids)}`;
  if (rows.length === 0) return undefined;
  const byId = new Map(rows.map((r) => [r.event_id, r]));
  const positions = events.map((e) => {
    const row = byId.get(e.eventId.toLowerCase());
    if (!row)
      throw new IdempotencyConflictError(
        e.eventId,
        'part of this batch was appended before in another batch',
      );
    if (row.stream_id !== streamId)
      throw new IdempotencyConflictError(e.eventId, `stored in stream ${row.stream_id}`);
    if (row.record !== canonicalRecord(streamId, Number(row.stream_version), e))
      throw new IdempotencyConflictError(e.eventId, 'payload differs');
    return {
      eventId: e.eventId,
      streamVersion: Number(row.stream_version),
      globalPosition: BigInt(row.global_position),
    };
  });
  return {
    streamId,
    nextExpectedVersion: positions[positions.length - 1]?.streamVersion ?? 0,
    positions,
    deduplicated: true,
  };
}

/**
 * When the event at `version` of a stream was recorded (ISO), from this process's cache of the
 * heads it appended, else the store; undefined when the stream has no such event.
 */
export async function recordedAtOf(sql: Sql, streamId: string, version: number): Promise<string | undefined> {
  const cached = caches.get(sql)?.recordedAt(streamId, version);
  if (cached) return cached;
  const [row] = await sql<
    { recorded_at: Date }[]
  >`select recorded_at from events where stream_id = ${streamId} and stream_version = ${version}`;
  return row ? new Date(row.recorded_at).toISOString() : undefined;
}

/** The version and hash the new events chain to: the expected one (cached: it never changes), or the head. */
async function chainStart(
  sql: Sql,
  cache: HeadCache,
  streamId: string,
  expected: ExpectedVersion,
): Promise<{ version: number; hash: Buffer }> {
  if (expected === 'no_stream' || expected === 0) return { version: 0, hash: GENESIS_HASH };
  if (expected !== 'any') {
    const cached = cache.hashAt(streamId, expected);
    if (cached) return { version: expected, hash: cached };
    const [row] = await sql<
      { hash: Buffer }[]
    >`select hash from events where stream_id = ${streamId} and stream_version = ${expected}`;
    if (!row) throw new ConcurrencyError(streamId, expected, await headVersion(sql, streamId));
    return { version: expected, hash: row.hash };
  }
  const [head] = await sql<{ stream_version: string; hash: Buffer }[]>`
    select stream_version, hash from events where stream_id = ${streamId} order by stream_version desc limit 1`;
  return head
    ? { version: Number(head.stream_version), hash: head.hash }
    : { version: 0, hash: GENESIS_HASH };
}

async function headVersion(sql: Sql, streamId: string): Promise<number> {
  const [row] = await sql<
    { v: string | null }[]
  >`select max(stream_version)::text as v from events where stream_id = ${streamId}`;
  return Number(row?.v ?? 0);
}

const isUniqueViolation = (error: unknown): boolean => (error as { code?: string }).code === '23505';

/**
 * Appends events to a stream, chaining each event's hash to the previous one, in one INSERT
 * statement (atomic on its own). The unique (stream, version) constraint, not isolation, decides
 * races: the loser gets ConcurrencyError with the actual version. A retry with the same event ids
 * and content returns the original positions; a reused id with other content throws.
 */
export async function appendToStream(
  sql: Sql,
  streamId: string,
  expected: ExpectedVersion,
  events: readonly NewEvent[],
): Promise<AppendResult> {
  validate(streamId, events);
  const cache = caches.get(sql) ?? caches.set(sql, new HeadCache()).get(sql)!;
  const start = await chainStart(sql, cache, streamId, expected);
  let prevHash = start.hash;
  const rows = events.map((e, i) => {
    const streamVersion = start.version + i + 1;
    const record = canonicalRecord(streamId, streamVersion, e);
    const hash = chainHash(prevHash, record);
    const row = {
      stream_id: streamId,
      stream_version: streamVersion,
      event_id: e.eventId,
      type: e.type,
      schema_version: e.schemaVersion ?? 1,
      recorded_at: e.recordedAt,
      record,
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  try {
    const inserted = await sql<
      { global_position: string }[]
    >`insert into events ${sql(rows)} returning global_position::text`;
    const last = rows[rows.length - 1]!;
    cache.remember(streamId, last.stream_version, last.hash, last.recorded_at);
    notifyAppended(sql);
    return {
      streamId,
      nextExpectedVersion: last.stream_version,
      positions: rows.map((r, i) => ({
        eventId: r.event_id,
        streamVersion: r.stream_version,
        globalPosition: BigInt(inserted[i]!.global_position),
      })),
      deduplicated: false,
    };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Either this very append happened before (an activity retry), or another writer took the version.
    const prior = await priorAppend(sql, streamId, events);
    if (prior) return prior;
    throw new ConcurrencyError(streamId, expected, await headVersion(sql, streamId));
  }
}
