import type { KeyObject } from 'node:crypto';
import type { Sql } from 'postgres';
import { NO_PREVIOUS_CHECKPOINT, type SignedCheckpoint } from './checkpoint-format';
import { readCheckpoints } from './checkpoint';
import { MerkleFrontier } from './merkle';
import { CHAIN_REASONS, firstChainProblem, readHorizon } from './verify-chains';
import { keyFingerprint, verifySignature } from './signing';

export type ProblemCode =
  | 'RECORD_ALTERED'
  | 'HASH_MISMATCH'
  | 'CHAIN_BROKEN'
  | 'VERSION_GAP'
  | 'OUT_OF_ORDER'
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

function checkRoot(cp: SignedCheckpoint, frontier: MerkleFrontier, globalPosition: string, label: ProblemCode): void {
  if (frontier.root().toString('hex') !== cp.body.rootHash || (cp.body.treeSize > 0 && globalPosition !== cp.body.lastGlobalPosition)) {
    throw new Found({ code: label, checkpointSequence: cp.body.sequence, ...(globalPosition ? { globalPosition } : {}), reason: `the log's first ${cp.body.treeSize} events do not hash to checkpoint ${cp.body.sequence}'s root (history rewritten)` });
  }
}

/** Rebuilds the checkpoint tree from the leaves in committed order, checking each checkpoint at its size. */
async function checkTree(sql: Sql, horizon: string, bySize: Map<number, Array<[SignedCheckpoint, ProblemCode]>>, onProgress?: (n: number) => void): Promise<{ size: number; last: string }> {
  const frontier = new MerkleFrontier();
  let last = '';
  for (const [cp, label] of bySize.get(0) ?? []) checkRoot(cp, frontier, last, label);
  const cursor = sql<Array<{ leaf: Buffer; gp: string }>>`
    select pg_catalog.sha256(${Buffer.from([0])}::bytea || hash) as leaf, global_position::text as gp
    from events where transaction_id < ${horizon}::xid8
    order by events.transaction_id, events.global_position`.cursor(10_000);
  for await (const rows of cursor) {
    for (const row of rows) {
      frontier.append(row.leaf);
      last = row.gp;
      for (const [cp, label] of bySize.get(frontier.size) ?? []) checkRoot(cp, frontier, last, label);
    }
    onProgress?.(frontier.size);
  }
  return { size: frontier.size, last };
}

/**
 * Verifies the whole store: every stream's hash chain (checked inside PostgreSQL, which is what
 * makes a million events a matter of seconds), the checkpoint tree rebuilt from the log, and every
 * stored and trusted checkpoint against it. Reports the first problem and where it is. For
 * verification that trusts nothing of ours, export a bundle and run verifyBundle offline.
 */
export async function verifyStore(sql: Sql, options: VerifyOptions): Promise<VerifyReport> {
  const keys = new Map(options.publicKeys.map((k) => [keyFingerprint(k), k]));
  const checkpoints = await readCheckpoints(sql);
  const trusted = options.trusted ?? [];
  const bySize = new Map<number, Array<[SignedCheckpoint, ProblemCode]>>();
  const add = (cp: SignedCheckpoint, label: ProblemCode) => bySize.set(cp.body.treeSize, [...(bySize.get(cp.body.treeSize) ?? []), [cp, label]]);
  checkpoints.forEach((cp) => add(cp, 'CHECKPOINT_ROOT_MISMATCH'));
  trusted.forEach((cp) => add(cp, 'TRUSTED_CHECKPOINT_MISMATCH'));
  let counts = { events: 0, streams: 0 };
  const report = (problem?: VerifyProblem): VerifyReport => ({ ok: !problem, eventsChecked: counts.events, streamsChecked: counts.streams, checkpointsChecked: checkpoints.length + trusted.length, ...(problem ? { problem } : {}) });
  try {
    checkStoredCheckpoints(checkpoints, keys);
    for (const cp of trusted) {
      checkSignature(cp, keys);
      const stored = checkpoints[cp.body.sequence - 1];
      if (stored && stored.checkpointHash !== cp.checkpointHash) {
        throw new Found({ code: 'TRUSTED_CHECKPOINT_MISMATCH', checkpointSequence: cp.body.sequence, reason: `stored checkpoint ${cp.body.sequence} differs from the trusted copy (checkpoints rewritten)` });
      }
    }
    // The chains (in PostgreSQL) and the tree (here) are independent: run them side by side.
    const horizon = await readHorizon(sql);
    const [chain, tree, streams] = await Promise.all([
      firstChainProblem(sql, horizon),
      checkTree(sql, horizon, bySize, options.onProgress).then((t) => ({ ok: true as const, t }), (error: unknown) => ({ ok: false as const, error })),
      sql<Array<{ n: number }>>`select count(*)::int as n from events where stream_version = 1 and transaction_id < ${horizon}::xid8`,
    ]);
    counts = { events: tree.ok ? tree.t.size : 0, streams: streams[0]?.n ?? 0 };
    if (chain) {
      const { transactionId: _tx, ...where } = chain;
      throw new Found({ ...where, reason: CHAIN_REASONS[chain.code]?.(chain) ?? chain.code });
    }
    if (!tree.ok) throw tree.error;
    const beyond = [...checkpoints, ...trusted].filter((cp) => cp.body.treeSize > tree.t.size).sort((a, b) => a.body.treeSize - b.body.treeSize)[0];
    if (beyond) {
      throw new Found({ code: 'LOG_TRUNCATED', checkpointSequence: beyond.body.sequence, ...(tree.t.last ? { globalPosition: tree.t.last } : {}), reason: `checkpoint ${beyond.body.sequence} covers ${beyond.body.treeSize} events but the log ends after ${tree.t.size}` });
    }
    return report();
  } catch (error) {
    if (error instanceof Found) return report(error.problem);
    throw error;
  }
}
