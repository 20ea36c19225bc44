import type { KeyObject } from 'node:crypto';
import type { Sql } from 'postgres';
import { bundleEvent } from './bundle';
import { chainProblems } from './bundle-verify-node';
import { distinctProblems, type BundleProblem } from './bundle-verify';
import type { CheckpointBody, SignedCheckpoint } from './checkpoint-format';
import { readCheckpoints } from './checkpoint';
import { coverageProblems, provenLeaves, streamLeafDiffs, streamLeaves } from './checkpoint-leaves';
import { readStream } from './read';
import { keyFingerprint, verifySignature } from './signing';
import type { VerifyProblem } from './verify';

/** The checkpoints as the store holds them, apart from any one stream. */
export interface StoreCheckpointStatus {
  ok: boolean;
  /** The latest stored checkpoint (null: none yet). */
  latestSequence: number | null;
  /** The checkpoint streams are proven with: the latest that verifies and whose signed leaves the stored copy rebuilds. */
  provenWith: number | null;
  /** Forged or unverifiable checkpoints, a stored copy of leaves that no longer rebuilds its root. */
  problems: VerifyProblem[];
}

/** One stream checked in the store: its chain, and the latest signed checkpoint over what it covers. */
export interface StreamVerdict {
  ok: boolean;
  streamId: string;
  events: number;
  head?: { version: number; hash: string; globalPosition: string };
  /** Every problem of this stream (its chain; what the checkpoint signed against what the log holds), earliest version first. */
  problems: BundleProblem[];
  /** The checkpoint that proves this stream's versions 1..`coveredVersion` (absent: none covers it yet). */
  checkpoint?: Pick<
    CheckpointBody,
    'sequence' | 'treeSize' | 'createdAt' | 'keyId' | 'lastGlobalPosition'
  > & { coveredVersion: number };
  /** The store-wide checkpoint status, reported apart: it never fails this stream's verification. */
  store: StoreCheckpointStatus;
}

const withoutStream = ({ streamId: _s, ...p }: VerifyProblem): BundleProblem => p;

/** The checkpoints' own state: the latest whose signature verifies, and the ones that do not. */
function signedCheckpoints(
  checkpoints: SignedCheckpoint[],
  publicKey: KeyObject,
): { valid: SignedCheckpoint[]; problems: VerifyProblem[] } {
  const keyId = keyFingerprint(publicKey);
  const ok = (cp: SignedCheckpoint): boolean =>
    cp.body.keyId === keyId && verifySignature(publicKey, cp.signedBody, Buffer.from(cp.signature, 'base64'));
  return {
    valid: checkpoints.filter(ok),
    problems: checkpoints
      .filter((cp) => !ok(cp))
      .map((cp) => ({
        code: 'CHECKPOINT_SIGNATURE_INVALID' as const,
        checkpointSequence: cp.body.sequence,
        reason: `checkpoint ${cp.body.sequence}: the signature does not verify with key ${keyId} (forged or altered checkpoint)`,
      })),
  };
}

/**
 * Verifies one stream as the store holds it: every event's place, record and chain link, then,
 * against the latest checkpoint that verifies with `publicKey`, every version it signed: a version
 * gone (deleted, or a cut tail), moved, or with another hash (rewritten) is named with its version
 * and global position. The leaves come from the stored copy, used only when it rebuilds the signed
 * root, so a change in another stream never fails this one. Events since that checkpoint are
 * checked by the chain alone. Reads the checkpoint's leaves: a cost in proportion to the log.
 */
export async function verifyStream(sql: Sql, streamId: string, publicKey: KeyObject): Promise<StreamVerdict> {
  const [stored, checkpoints] = await Promise.all([readStream(sql, streamId), readCheckpoints(sql)]);
  const events = stored.map(bundleEvent);
  const last = events[events.length - 1];
  const problems = chainProblems(streamId, events);
  const { valid, problems: storeProblems } = signedCheckpoints(checkpoints, publicKey);
  const latest = valid[valid.length - 1];
  let checkpoint: StreamVerdict['checkpoint'];
  let provenWith: number | null = null;
  if (latest && latest.body.treeSize > 0) {
    const { sequence, treeSize, createdAt, keyId, lastGlobalPosition } = latest.body;
    if (await provenLeaves(sql, latest)) {
      provenWith = sequence;
      const covered = await streamLeaves(sql, streamId, treeSize);
      const located = coverageProblems(streamLeafDiffs(streamId, covered, events), sequence).map(
        withoutStream,
      );
      problems.unshift(...located);
      const coveredVersion = covered[covered.length - 1]?.streamVersion;
      if (coveredVersion)
        checkpoint = { sequence, treeSize, createdAt, keyId, lastGlobalPosition, coveredVersion };
    } else {
      storeProblems.push({
        code: 'CHECKPOINT_ROOT_MISMATCH',
        checkpointSequence: sequence,
        reason: `the stored copy of checkpoint ${sequence}'s leaves does not rebuild its signed root: no stream can be proven with it`,
      });
      if (last)
        problems.push({
          code: 'NOT_IN_CHECKPOINT',
          checkpointSequence: sequence,
          reason: `checkpoint ${sequence} cannot prove this stream (see the store's checkpoint status)`,
        });
    }
  }
  const all = distinctProblems(problems);
  return {
    ok: all.length === 0,
    streamId,
    events: events.length,
    ...(last
      ? { head: { version: last.streamVersion, hash: last.hash, globalPosition: last.globalPosition } }
      : {}),
    problems: all,
    ...(checkpoint ? { checkpoint } : {}),
    store: {
      ok: storeProblems.length === 0,
      latestSequence: checkpoints[checkpoints.length - 1]?.body.sequence ?? null,
      provenWith,
      problems: storeProblems,
    },
  };
}
