import type { Sql } from 'postgres';
import { GENESIS_HASH } from './hash-chain';
import { MerkleFrontier } from './merkle';
import { LOG_START, type LogPosition } from './types';

/** Why the checkpointer will not sign (ADR 0018); each names where, when it can. */
export type SigningProblemCode =
  | 'HASH_MISMATCH'
  | 'CHAIN_BROKEN'
  | 'VERSION_GAP'
  | 'TAIL_CUT'
  | 'EVENTS_MISSING'
  | 'TRIGGERS_BYPASSED'
  | 'CHECKPOINT_FORGED'
  | 'CHECKPOINT_INCONSISTENT';

export interface SigningProblem {
  code: SigningProblemCode;
  reason: string;
  streamId?: string;
  streamVersion?: number;
  globalPosition?: string;
  checkpointSequence?: number;
}

/** The checkpointer found the log broken: it signs nothing until an operator acknowledges. */
export class SigningRefusedError extends Error {
  override readonly name = 'SigningRefusedError';
  constructor(readonly problem: SigningProblem) {
    super(problem.reason);
  }
}

/** A stream's last event as the checkpointer last saw it. */
export interface StreamHead {
  version: number;
  hash: Buffer;
  globalPosition: string;
}

/**
 * One event as the checkpointer reads it: its place, its chain link, and whether PostgreSQL re-hashed
 * it intact. Whether the columns agree with the hashed record is verify's (RECORD_ALTERED): the
 * signature covers the hashes and their links, and checking the JSON here would double the cost.
 */
export interface LinkRow {
  tx: string;
  gp: string;
  stream_id: string;
  v: number;
  prev_hash: Buffer;
  hash: Buffer;
  /** The leaf of the checkpoint tree, SHA-256(0x00 || hash), computed by PostgreSQL. */
  leaf: Buffer;
  intact: boolean;
}

const INTACT = `pg_catalog.sha256(prev_hash || pg_catalog.convert_to(record, 'UTF8')) = hash`;

/**
 * Committed events after `after` (never past `upTo`), with the hash re-computed inside PostgreSQL
 * (in C, so checking costs little more than reading). Same committed-read rule as readCommitted.
 */
export async function readLinks(
  sql: Sql,
  after: LogPosition,
  limit: number,
  upTo?: LogPosition,
): Promise<LinkRow[]> {
  return sql<LinkRow[]>`
    select transaction_id::text as tx, global_position::text as gp, stream_id, stream_version::int as v, prev_hash, hash,
      pg_catalog.sha256(${Buffer.from([0])}::bytea || hash) as leaf, ${sql.unsafe(INTACT)} as intact
    from events
    where (transaction_id, global_position) > (${after.transactionId.toString()}::xid8, ${after.globalPosition.toString()}::bigint)
      and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
      ${upTo ? sql`and (transaction_id, global_position) <= (${upTo.transactionId.toString()}::xid8, ${upTo.globalPosition.toString()}::bigint)` : sql``}
    order by events.transaction_id, events.global_position
    limit ${limit}`;
}

/** Rows of the event table updated or deleted since statistics began: the triggers refuse both, so only a bypass moves it. */
export async function eventTableChurn(sql: Sql): Promise<number> {
  const [row] = await sql<Array<{ n: string }>>`
    select (pg_catalog.pg_stat_get_tuples_updated('events'::regclass) + pg_catalog.pg_stat_get_tuples_deleted('events'::regclass))::text as n`;
  return Number(row?.n ?? 0);
}

/**
 * The log as last signed: the tree's right edge, the position after its last leaf, and each
 * stream's head. `extend` checks new events against it; nothing changes until `commit`.
 */
export class SignedLog {
  frontier = new MerkleFrontier();
  position: LogPosition = LOG_START;
  heads = new Map<string, StreamHead>();

  /** Problems an operator acknowledged (code@stream@version): the log keeps them, signing goes on. */
  constructor(private readonly tolerated: ReadonlySet<string> = new Set()) {}

  /** A copy to extend: the frontier cloned, the heads copied on write. */
  fork(): SignedLog {
    const next = new SignedLog(this.tolerated);
    next.frontier = this.frontier.clone();
    next.position = this.position;
    next.heads = new Map(this.heads);
    return next;
  }

  /** Appends one event after checking its hash and its link to its stream's head; returns its leaf. */
  extend(row: LinkRow): Buffer {
    const head = this.heads.get(row.stream_id);
    const expected = (head?.version ?? 0) + 1;
    const where = { streamId: row.stream_id, streamVersion: row.v, globalPosition: row.gp };
    if (!row.intact)
      this.refuse({
        code: 'HASH_MISMATCH',
        ...where,
        reason: `${row.stream_id} version ${row.v} (position ${row.gp}): the record does not hash to the stored hash (payload changed)`,
      });
    if (row.v < expected && head) {
      this.refuse({
        code: 'TAIL_CUT',
        ...where,
        reason: `${row.stream_id}: a new version ${row.v} at position ${row.gp}, but versions up to ${head.version} (position ${head.globalPosition}) were already signed: versions ${row.v}-${head.version} were removed`,
      });
    } else if (row.v !== expected) {
      this.refuse({
        code: 'VERSION_GAP',
        ...where,
        reason: `${row.stream_id} version ${row.v} (position ${row.gp}) follows version ${expected - 1}: an event is missing`,
      });
    } else if (!row.prev_hash.equals(head?.hash ?? GENESIS_HASH)) {
      this.refuse({
        code: 'CHAIN_BROKEN',
        ...where,
        reason: `${row.stream_id} version ${row.v} (position ${row.gp}) does not chain to version ${expected - 1}`,
      });
    }
    this.heads.set(row.stream_id, { version: row.v, hash: row.hash, globalPosition: row.gp });
    this.frontier.append(row.leaf);
    return row.leaf;
  }

  /** Moves past the last row extended (kept apart from extend: parsing two bigints per event costs). */
  passed(last: LinkRow | undefined): void {
    if (last) this.position = { transactionId: BigInt(last.tx), globalPosition: BigInt(last.gp) };
  }

  private refuse(problem: SigningProblem): void {
    if (this.tolerated.has(toleranceKey(problem))) return;
    throw new SigningRefusedError(problem);
  }
}

/** How an acknowledged problem is recognised when the log is read again. */
export const toleranceKey = (p: Pick<SigningProblem, 'code' | 'streamId' | 'streamVersion'>): string =>
  `${p.code}@${p.streamId ?? ''}@${p.streamVersion ?? ''}`;
