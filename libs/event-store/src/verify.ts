import type { KeyObject } from 'node:crypto';
import type { Sql } from 'postgres';
import { NO_PREVIOUS_CHECKPOINT, type SignedCheckpoint } from './checkpoint-format';
import { readCheckpoints } from './checkpoint';
import { chainHash, GENESIS_HASH } from './hash-chain';
import { leafHash, MerkleFrontier } from './merkle';
import { keyFingerprint, verifySignature } from './signing';

export type ProblemCode =
  | 'RECORD_ALTERED'
  | 'HASH_MISMATCH'
  | 'CHAIN_BROKEN'
  | 'VERSION_GAP'
  | 'CHECKPOINT_SIGNATURE_INVALID'
  | 'CHECKPOINT_CHAIN_BROKEN'
  | 'CHECKPOINT_ROOT_MISMATCH'
  | 'LOG_TRUNCATED'
  | 'TRUSTED_CHECKPOINT_MISMATCH';

/** The first thing found wrong, with where it is. */
export interface VerifyProblem {
  code: ProblemCode;
  reason: string;
  globalPosition?: string;
  streamId?: string;
  streamVersion?: number;
  checkpointSequence?: number;
}

export interface VerifyReport {
  ok: boolean;
  eventsChecked: number;
  streamsChecked: number;
  checkpointsChecked: number;
  problem?: VerifyProblem;
}

export interface VerifyOptions {
  /** Keys allowed to sign checkpoints. */
  publicKeys: KeyObject[];
  /** Checkpoints kept outside the database (Kafka, an auditor's file): the log must still match them. */
  trusted?: SignedCheckpoint[];
  onProgress?: (eventsChecked: number) => void;
}

interface Row {
  stream_id: string;
  stream_version: string;
  global_position: string;
  transaction_id: string;
  event_id: string;
  type: string;
  record: string;
  prev_hash: Buffer;
  hash: Buffer;
}

class Found extends Error {
  constructor(readonly problem: VerifyProblem) {
    super(problem.reason);
  }
}

function checkSignature(cp: SignedCheckpoint, keys: Map<string, KeyObject>): void {
  const key = keys.get(cp.body.keyId);
  if (!key || !verifySignature(key, cp.signedBody, Buffer.from(cp.signature, 'base64'))) {
    throw new Found({ code: 'CHECKPOINT_SIGNATURE_INVALID', checkpointSequence: cp.body.sequence, reason: `checkpoint ${cp.body.sequence}: signature does not verify with key ${cp.body.keyId}` });
  }
}

/** Stored checkpoints: each signed, numbered from 1, each chained to the one before. */
function checkStoredCheckpoints(checkpoints: SignedCheckpoint[], keys: Map<string, KeyObject>): void {
  let prev = NO_PREVIOUS_CHECKPOINT;
  checkpoints.forEach((cp, i) => {
    checkSignature(cp, keys);
    if (cp.body.sequence !== i + 1 || cp.body.prevCheckpointHash !== prev) {
      throw new Found({ code: 'CHECKPOINT_CHAIN_BROKEN', checkpointSequence: cp.body.sequence, reason: `checkpoint ${cp.body.sequence} does not follow checkpoint ${i}` });
    }
    prev = cp.checkpointHash;
  });
}

function checkEvent(row: Row, heads: Map<string, { version: number; hash: Buffer }>): void {
  const where = { globalPosition: row.global_position, streamId: row.stream_id, streamVersion: Number(row.stream_version) };
  const record = JSON.parse(row.record) as { streamId?: unknown; streamVersion?: unknown; eventId?: unknown; type?: unknown };
  if (record.streamId !== row.stream_id || record.streamVersion !== where.streamVersion || record.eventId !== row.event_id || record.type !== row.type) {
    throw new Found({ code: 'RECORD_ALTERED', ...where, reason: 'the columns disagree with the hashed record' });
  }
  if (!chainHash(row.prev_hash, row.record).equals(row.hash)) {
    throw new Found({ code: 'HASH_MISMATCH', ...where, reason: 'the record does not hash to the stored hash (payload changed)' });
  }
  const head = heads.get(row.stream_id) ?? { version: 0, hash: GENESIS_HASH };
  if (where.streamVersion !== head.version + 1) {
    throw new Found({ code: 'VERSION_GAP', ...where, reason: `version ${where.streamVersion} follows version ${head.version} (an event is missing or moved)` });
  }
  if (!row.prev_hash.equals(head.hash)) {
    throw new Found({ code: 'CHAIN_BROKEN', ...where, reason: `previous hash does not match version ${head.version}` });
  }
  heads.set(row.stream_id, { version: where.streamVersion, hash: row.hash });
}

function checkRoot(cp: SignedCheckpoint, frontier: MerkleFrontier, row: Row | undefined, label: ProblemCode): void {
  if (frontier.root().toString('hex') !== cp.body.rootHash || (row && row.global_position !== cp.body.lastGlobalPosition)) {
    throw new Found({ code: label, checkpointSequence: cp.body.sequence, ...(row ? { globalPosition: row.global_position } : {}), reason: `the log's first ${cp.body.treeSize} events do not hash to checkpoint ${cp.body.sequence}'s root (history rewritten)` });
  }
}

/**
 * Walks every stream's hash chain in committed order, recomputes the checkpoint tree, and checks
 * every stored and trusted checkpoint against it. Stops at the first problem and says where.
 */
export async function verifyStore(sql: Sql, options: VerifyOptions): Promise<VerifyReport> {
  const keys = new Map(options.publicKeys.map((k) => [keyFingerprint(k), k]));
  const checkpoints = await readCheckpoints(sql);
  const trusted = options.trusted ?? [];
  const bySize = new Map<number, Array<[SignedCheckpoint, ProblemCode]>>();
  for (const cp of checkpoints) bySize.set(cp.body.treeSize, [...(bySize.get(cp.body.treeSize) ?? []), [cp, 'CHECKPOINT_ROOT_MISMATCH']]);
  for (const cp of trusted) bySize.set(cp.body.treeSize, [...(bySize.get(cp.body.treeSize) ?? []), [cp, 'TRUSTED_CHECKPOINT_MISMATCH']]);
  const heads = new Map<string, { version: number; hash: Buffer }>();
  const frontier = new MerkleFrontier();
  const report = (problem?: VerifyProblem): VerifyReport => ({ ok: !problem, eventsChecked: frontier.size, streamsChecked: heads.size, checkpointsChecked: checkpoints.length + trusted.length, ...(problem ? { problem } : {}) });
  try {
    checkStoredCheckpoints(checkpoints, keys);
    for (const cp of trusted) {
      checkSignature(cp, keys);
      const stored = checkpoints[cp.body.sequence - 1];
      if (stored && stored.checkpointHash !== cp.checkpointHash) {
        throw new Found({ code: 'TRUSTED_CHECKPOINT_MISMATCH', checkpointSequence: cp.body.sequence, reason: `stored checkpoint ${cp.body.sequence} differs from the trusted copy (checkpoints rewritten)` });
      }
    }
    for (const [cp] of (bySize.get(0) ?? [])) checkRoot(cp, frontier, undefined, 'CHECKPOINT_ROOT_MISMATCH');
    let last: Row | undefined;
    const cursor = sql<Row[]>`
      select stream_id, stream_version, global_position::text, transaction_id::text, event_id::text, type, record, prev_hash, hash
      from events where transaction_id < pg_snapshot_xmin(pg_current_snapshot())
      order by events.transaction_id, events.global_position`.cursor(5_000);
    for await (const rows of cursor) {
      for (const row of rows) {
        checkEvent(row, heads);
        frontier.append(leafHash(row.hash));
        last = row;
        for (const [cp, label] of bySize.get(frontier.size) ?? []) checkRoot(cp, frontier, row, label);
      }
      options.onProgress?.(frontier.size);
    }
    const beyond = [...checkpoints, ...trusted].filter((cp) => cp.body.treeSize > frontier.size).sort((a, b) => a.body.treeSize - b.body.treeSize)[0];
    if (beyond) {
      throw new Found({ code: 'LOG_TRUNCATED', checkpointSequence: beyond.body.sequence, ...(last ? { globalPosition: last.global_position } : {}), reason: `checkpoint ${beyond.body.sequence} covers ${beyond.body.treeSize} events but the log ends after ${frontier.size}` });
    }
    return report();
  } catch (error) {
    if (error instanceof Found) return report(error.problem);
    throw error;
  }
}
