import type { KeyObject } from 'node:crypto';
import type { Sql } from 'postgres';
import { NO_PREVIOUS_CHECKPOINT, type SignedCheckpoint } from './checkpoint-format';
import { readCheckpoints } from './checkpoint';
import { MerkleFrontier } from './merkle';
import { coverageProblems, leafDiffs, provenLeaves } from './checkpoint-leaves';
import { CHAIN_REASONS, chainProblemsInStore, readHorizon, type ChainProblem } from './verify-chains';
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

/** One thing found wrong, with where it is. */
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
  /** Every problem found: the events' (stream, version, global position) in log order, then the checkpoints'. */
  problems: VerifyProblem[];
  /** The first of `problems`. */
  problem?: VerifyProblem;
}

export interface VerifyOptions {
  /** Keys allowed to sign checkpoints. */
  publicKeys: KeyObject[];
  /** Checkpoints kept outside the database (Kafka, an auditor's file): the log must still match them. */
  trusted?: SignedCheckpoint[];
  onProgress?: (eventsChecked: number) => void;
}

const signatureProblem = (cp: SignedCheckpoint, keys: Map<string, KeyObject>): VerifyProblem | undefined => {
  const key = keys.get(cp.body.keyId);
  if (key && verifySignature(key, cp.signedBody, Buffer.from(cp.signature, 'base64'))) return undefined;
  return {
    code: 'CHECKPOINT_SIGNATURE_INVALID',
    checkpointSequence: cp.body.sequence,
    reason: `checkpoint ${cp.body.sequence}: signature does not verify with key ${cp.body.keyId}`,
  };
};

/** Stored checkpoints: each signed, numbered from 1, each chained to the one before. */
function storedCheckpointProblems(
  checkpoints: SignedCheckpoint[],
  keys: Map<string, KeyObject>,
): VerifyProblem[] {
  let prev = NO_PREVIOUS_CHECKPOINT;
  return checkpoints.flatMap((cp, i) => {
    const problems = [signatureProblem(cp, keys)].filter((p): p is VerifyProblem => p !== undefined);
    if (cp.body.sequence !== i + 1 || cp.body.prevCheckpointHash !== prev) {
      problems.push({
        code: 'CHECKPOINT_CHAIN_BROKEN',
        checkpointSequence: cp.body.sequence,
        reason: `checkpoint ${cp.body.sequence} does not follow checkpoint ${i}`,
      });
    }
    prev = cp.checkpointHash;
    return problems;
  });
}

function trustedProblems(
  trusted: SignedCheckpoint[],
  checkpoints: SignedCheckpoint[],
  keys: Map<string, KeyObject>,
): VerifyProblem[] {
  return trusted.flatMap((cp) => {
    const bad = signatureProblem(cp, keys);
    if (bad) return [bad];
    const stored = checkpoints[cp.body.sequence - 1];
    if (!stored || stored.checkpointHash === cp.checkpointHash) return [];
    return [
      {
        code: 'TRUSTED_CHECKPOINT_MISMATCH' as const,
        checkpointSequence: cp.body.sequence,
        reason: `stored checkpoint ${cp.body.sequence} differs from the trusted copy (checkpoints rewritten)`,
      },
    ];
  });
}

type Labelled = [SignedCheckpoint, ProblemCode];

/** Whether the tree of the log so far is the checkpoint's (its root, and its last event). */
const matches = (cp: SignedCheckpoint, frontier: MerkleFrontier, globalPosition: string): boolean =>
  frontier.root().toString('hex') === cp.body.rootHash &&
  (cp.body.treeSize === 0 || globalPosition === cp.body.lastGlobalPosition);

const rootProblem = ([cp, code]: Labelled, globalPosition: string): VerifyProblem => ({
  code,
  checkpointSequence: cp.body.sequence,
  ...(globalPosition ? { globalPosition } : {}),
  reason: `the log's first ${cp.body.treeSize} events do not hash to checkpoint ${cp.body.sequence}'s root (history changed)`,
});

/**
 * Rebuilds the checkpoint tree from the leaves in committed order and checks each checkpoint at
 * its size; returns the checkpoints the log does not reproduce (each with the log's event there).
 */
async function checkTree(
  sql: Sql,
  horizon: string,
  bySize: Map<number, Labelled[]>,
  onProgress?: (n: number) => void,
): Promise<{ size: number; last: string; mismatches: VerifyProblem[] }> {
  const frontier = new MerkleFrontier();
  const mismatches: VerifyProblem[] = [];
  let last = '';
  const check = (): void => {
    for (const labelled of bySize.get(frontier.size) ?? [])
      if (!matches(labelled[0], frontier, last)) mismatches.push(rootProblem(labelled, last));
  };
  check();
  const cursor = sql<Array<{ leaf: Buffer; gp: string }>>`
    select pg_catalog.sha256(${Buffer.from([0])}::bytea || hash) as leaf, global_position::text as gp
    from events where transaction_id < ${horizon}::xid8
    order by events.transaction_id, events.global_position`.cursor(10_000);
  for await (const rows of cursor) {
    for (const row of rows) {
      frontier.append(row.leaf);
      last = row.gp;
      check();
    }
    onProgress?.(frontier.size);
  }
  return { size: frontier.size, last, mismatches };
}

/**
 * When the log no longer reproduces a signed checkpoint: what changed, per stream and version,
 * from the stored copy of the leaves that checkpoint signed (used only when it rebuilds the root).
 */
async function locateChanges(
  sql: Sql,
  checkpoints: SignedCheckpoint[],
  keys: Map<string, KeyObject>,
): Promise<VerifyProblem[]> {
  const signed = checkpoints.filter((cp) => !signatureProblem(cp, keys) && cp.body.treeSize > 0);
  const latest = signed[signed.length - 1];
  if (!latest) return [];
  if (!(await provenLeaves(sql, latest))) {
    return [
      {
        code: 'CHECKPOINT_ROOT_MISMATCH',
        checkpointSequence: latest.body.sequence,
        reason: `the stored copy of checkpoint ${latest.body.sequence}'s leaves does not rebuild its root either: the changed events cannot be named`,
      },
    ];
  }
  return coverageProblems(await leafDiffs(sql, latest.body.treeSize), latest.body.sequence);
}

const sameEventProblem = (a: VerifyProblem, b: VerifyProblem): boolean =>
  a.code === b.code && a.streamId === b.streamId && a.streamVersion === b.streamVersion;

/**
 * Verifies the whole store: every stream's hash chain (checked inside PostgreSQL, which is what
 * makes a million events a matter of seconds), the checkpoint tree rebuilt from the log, and every
 * stored and trusted checkpoint against it. Reports every problem and where it is; when the log no
 * longer reproduces a checkpoint, names each changed stream and version from the leaves that
 * checkpoint signed. For verification that trusts nothing of ours, export a bundle and run verifyBundle offline.
 */
export async function verifyStore(sql: Sql, options: VerifyOptions): Promise<VerifyReport> {
  const keys = new Map(options.publicKeys.map((k) => [keyFingerprint(k), k]));
  const checkpoints = await readCheckpoints(sql);
  const trusted = options.trusted ?? [];
  const bySize = new Map<number, Labelled[]>();
  const add = (cp: SignedCheckpoint, label: ProblemCode) =>
    bySize.set(cp.body.treeSize, [...(bySize.get(cp.body.treeSize) ?? []), [cp, label]]);
  checkpoints.forEach((cp) => add(cp, 'CHECKPOINT_ROOT_MISMATCH'));
  trusted.forEach((cp) => add(cp, 'TRUSTED_CHECKPOINT_MISMATCH'));
  // The chains (in PostgreSQL) and the tree (here) are independent: run them side by side.
  const horizon = await readHorizon(sql);
  const [chain, tree, streams] = await Promise.all([
    chainProblemsInStore(sql, horizon),
    checkTree(sql, horizon, bySize, options.onProgress),
    sql<
      Array<{ n: number }>
    >`select count(*)::int as n from events where stream_version = 1 and transaction_id < ${horizon}::xid8`,
  ]);
  const checkpointProblems = [
    ...storedCheckpointProblems(checkpoints, keys),
    ...trustedProblems(trusted, checkpoints, keys),
  ];
  // A log shorter than a checkpoint: reported once, at the smallest such checkpoint.
  const beyond = [...checkpoints, ...trusted]
    .filter((cp) => cp.body.treeSize > tree.size)
    .sort((a, b) => a.body.treeSize - b.body.treeSize)[0];
  if (beyond) {
    checkpointProblems.push({
      code: 'LOG_TRUNCATED',
      checkpointSequence: beyond.body.sequence,
      ...(tree.last ? { globalPosition: tree.last } : {}),
      reason: `checkpoint ${beyond.body.sequence} covers ${beyond.body.treeSize} events but the log ends after ${tree.size}`,
    });
  }
  // The first checkpoint the log departs from stands for the later ones, which depart too.
  const firstMismatch = tree.mismatches.filter((p) => p.code === 'CHECKPOINT_ROOT_MISMATCH')[0];
  checkpointProblems.push(
    ...(firstMismatch ? [firstMismatch] : []),
    ...tree.mismatches.filter((p) => p.code !== 'CHECKPOINT_ROOT_MISMATCH'),
  );
  const eventProblems: VerifyProblem[] = chain.map(({ transactionId: _tx, ...where }) => ({
    ...where,
    reason: CHAIN_REASONS[where.code]?.(where as ChainProblem) ?? where.code,
  }));
  if (firstMismatch || beyond) {
    for (const located of await locateChanges(sql, checkpoints, keys)) {
      if (!located.streamId) checkpointProblems.push(located);
      else {
        // The signed leaf knows where a deleted event was: its report replaces the chain's.
        const i = eventProblems.findIndex((p) => sameEventProblem(p, located));
        if (i >= 0)
          eventProblems[i] = { ...located, reason: `${eventProblems[i]?.reason}; ${located.reason}` };
        else eventProblems.push(located);
      }
    }
  }
  const problems = [...eventProblems, ...checkpointProblems];
  return {
    ok: problems.length === 0,
    eventsChecked: tree.size,
    streamsChecked: streams[0]?.n ?? 0,
    checkpointsChecked: checkpoints.length + trusted.length,
    problems,
    ...(problems[0] ? { problem: problems[0] } : {}),
  };
}
