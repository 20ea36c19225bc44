import type { Sql } from 'postgres';
import type { ProblemCode } from './verify';

export interface ChainProblem {
  code: ProblemCode;
  globalPosition: string;
  transactionId: string;
  streamId: string;
  streamVersion: number;
}

type Row = { code: ProblemCode; gp: string; tx: string; stream_id: string; v: number };
const toProblem = (r: Row): ChainProblem => ({
  code: r.code,
  globalPosition: r.gp,
  transactionId: r.tx,
  streamId: r.stream_id,
  streamVersion: r.v,
});

/** The committed-read horizon, taken once so every verification pass sees the same events. */
export async function readHorizon(sql: Sql): Promise<string> {
  const [row] = await sql<
    Array<{ xmin: string }>
  >`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`;
  return row?.xmin ?? '0';
}

/** At most this many chain problems are listed (a store rewritten wholesale would otherwise list every event). */
export const CHAIN_PROBLEM_LIMIT = 10_000;

/** Per event: the columns agree with the hashed record, and the record hashes to the stored hash. */
async function rowProblems(sql: Sql, horizon: string): Promise<ChainProblem[]> {
  const rows = await sql<Row[]>`
    select case
        when not (e.record_json @> jsonb_build_object('streamId', e.stream_id, 'streamVersion', e.stream_version, 'eventId', e.event_id::text, 'type', e.type)) then 'RECORD_ALTERED'
        else 'HASH_MISMATCH' end as code,
      e.global_position::text as gp, e.transaction_id::text as tx, e.stream_id, e.stream_version::int as v
    from events e
    where e.transaction_id < ${horizon}::xid8
      and (pg_catalog.sha256(e.prev_hash || pg_catalog.convert_to(e.record, 'UTF8')) <> e.hash
        or not (e.record_json @> jsonb_build_object('streamId', e.stream_id, 'streamVersion', e.stream_version, 'eventId', e.event_id::text, 'type', e.type)))
    order by e.transaction_id, e.global_position
    limit ${CHAIN_PROBLEM_LIMIT}`;
  return rows.map(toProblem);
}

/**
 * Per stream: versions contiguous, committed order follows versions, each event chains to the
 * previous one. A gap is named at the first missing version, at the position of the event after it.
 */
async function linkProblems(sql: Sql, horizon: string): Promise<ChainProblem[]> {
  // The window sorts every event by (stream, version): give this one query room to sort in memory.
  const rows = await sql.begin(async (tx) => {
    await tx`set local work_mem = '256MB'`;
    return tx<Row[]>`
    select x.code, x.global_position::text as gp, x.transaction_id::text as tx, x.stream_id,
      (case when x.code = 'VERSION_GAP' then x.previous_version + 1 else x.stream_version end)::int as v from (
      select e.global_position, e.transaction_id, e.stream_id, e.stream_version, coalesce(lag(e.stream_version) over w, 0) as previous_version,
        case
          when e.stream_version <> coalesce(lag(e.stream_version) over w, 0) + 1 then 'VERSION_GAP'
          when (e.transaction_id, e.global_position) < (lag(e.transaction_id) over w, lag(e.global_position) over w) then 'OUT_OF_ORDER'
          when e.prev_hash <> coalesce(lag(e.hash) over w, ${Buffer.alloc(32)}::bytea) then 'CHAIN_BROKEN'
        end as code
      from events e
      where e.transaction_id < ${horizon}::xid8
      window w as (partition by e.stream_id order by e.stream_version)
    ) x
    where x.code is not null
    order by x.transaction_id, x.global_position
    limit ${CHAIN_PROBLEM_LIMIT}`;
  });
  return rows.map(toProblem);
}

const inLogOrder = (a: ChainProblem, b: ChainProblem): number =>
  a.transactionId === b.transactionId
    ? Number(BigInt(a.globalPosition) - BigInt(b.globalPosition))
    : Number(BigInt(a.transactionId) - BigInt(b.transactionId));

/**
 * Checks every committed event inside PostgreSQL, where hashing and JSON run in C: two queries,
 * run side by side, one per event and one per stream link. Returns every problem in committed
 * order (an event's own problem before a link problem at the same place). Functions are
 * schema-qualified so a look-alike earlier in the search path cannot answer for them.
 */
export async function chainProblemsInStore(sql: Sql, horizon: string): Promise<ChainProblem[]> {
  const [rows, links] = await Promise.all([rowProblems(sql, horizon), linkProblems(sql, horizon)]);
  return [...rows, ...links].sort(inLogOrder);
}

export const CHAIN_REASONS: Partial<Record<ProblemCode, (p: ChainProblem) => string>> = {
  RECORD_ALTERED: () => 'the columns disagree with the hashed record',
  HASH_MISMATCH: () => 'the record does not hash to the stored hash (payload changed)',
  VERSION_GAP: (p) =>
    `version ${p.streamVersion} is missing: the stream goes on at global position ${p.globalPosition} (an event was deleted)`,
  OUT_OF_ORDER: (p) =>
    `version ${p.streamVersion} comes before an earlier version in the log (events reordered)`,
  CHAIN_BROKEN: (p) => `previous hash does not match version ${p.streamVersion - 1}`,
};
