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
const toProblem = (r: Row | undefined): ChainProblem | undefined =>
  r && { code: r.code, globalPosition: r.gp, transactionId: r.tx, streamId: r.stream_id, streamVersion: r.v };

/** The committed-read horizon, taken once so every verification pass sees the same events. */
export async function readHorizon(sql: Sql): Promise<string> {
  const [row] = await sql<Array<{ xmin: string }>>`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`;
  return row?.xmin ?? '0';
}

/** Per event: the columns agree with the hashed record, and the record hashes to the stored hash. */
async function firstRowProblem(sql: Sql, horizon: string): Promise<ChainProblem | undefined> {
  const [row] = await sql<Row[]>`
    select case
        when not (e.record_json @> jsonb_build_object('streamId', e.stream_id, 'streamVersion', e.stream_version, 'eventId', e.event_id::text, 'type', e.type)) then 'RECORD_ALTERED'
        else 'HASH_MISMATCH' end as code,
      e.global_position::text as gp, e.transaction_id::text as tx, e.stream_id, e.stream_version::int as v
    from events e
    where e.transaction_id < ${horizon}::xid8
      and (pg_catalog.sha256(e.prev_hash || pg_catalog.convert_to(e.record, 'UTF8')) <> e.hash
        or not (e.record_json @> jsonb_build_object('streamId', e.stream_id, 'streamVersion', e.stream_version, 'eventId', e.event_id::text, 'type', e.type)))
    order by e.transaction_id, e.global_position
    limit 1`;
  return toProblem(row);
}

/** Per stream: versions contiguous, committed order follows versions, each event chains to the previous one. */
async function firstLinkProblem(sql: Sql, horizon: string): Promise<ChainProblem | undefined> {
  // The window sorts every event by (stream, version): give this one query room to sort in memory.
  const [row] = await sql.begin(async (tx) => {
    await tx`set local work_mem = '256MB'`;
    return tx<Row[]>`
    select x.code, x.global_position::text as gp, x.transaction_id::text as tx, x.stream_id, x.stream_version::int as v from (
      select e.global_position, e.transaction_id, e.stream_id, e.stream_version,
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
    limit 1`;
  });
  return toProblem(row);
}

const before = (a: ChainProblem, b: ChainProblem): boolean =>
  BigInt(a.transactionId) < BigInt(b.transactionId) || (a.transactionId === b.transactionId && BigInt(a.globalPosition) <= BigInt(b.globalPosition));

/**
 * Checks every committed event inside PostgreSQL, where hashing and JSON run in C: two queries,
 * run side by side, one per event and one per stream link. Returns the first problem in committed
 * order (an event's own problem before a link problem at the same place). Functions are
 * schema-qualified so a look-alike earlier in the search path cannot answer for them.
 */
export async function firstChainProblem(sql: Sql, horizon: string): Promise<ChainProblem | undefined> {
  const [row, link] = await Promise.all([firstRowProblem(sql, horizon), firstLinkProblem(sql, horizon)]);
  if (row && link) return before(row, link) ? row : link;
  return row ?? link;
}

export const CHAIN_REASONS: Partial<Record<ProblemCode, (p: ChainProblem) => string>> = {
  RECORD_ALTERED: () => 'the columns disagree with the hashed record',
  HASH_MISMATCH: () => 'the record does not hash to the stored hash (payload changed)',
  VERSION_GAP: (p) => `version ${p.streamVersion} does not follow the previous version (an event is missing)`,
  OUT_OF_ORDER: (p) => `version ${p.streamVersion} comes before an earlier version in the log (events reordered)`,
  CHAIN_BROKEN: (p) => `previous hash does not match version ${p.streamVersion - 1}`,
};
