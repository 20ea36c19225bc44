import type { Sql } from 'postgres';
import { inclusionProofs } from './bundle-proofs';
import { readCheckpoints } from './checkpoint';
import type { SignedCheckpoint } from './checkpoint-format';
import { provenLeaves, streamLeaves } from './checkpoint-leaves';
import { readLeafEntries } from './consistency';
import { readStream } from './read';
import { publicKeyPem, verifySignature, type CheckpointSigner } from './signing';
import type { StoredEvent } from './types';

export const BUNDLE_FORMAT = 'selter-evidence-bundle/2';

/** One event of a bundle: the exact hashed record and its link in the stream's chain. */
export interface BundleEvent {
  streamVersion: number;
  globalPosition: string;
  record: string;
  prevHash: string;
  hash: string;
}

/** An RFC 9162 audit path proving one event's hash is leaf `leafIndex` of the checkpoint's tree. */
export interface BundleInclusion {
  /** The event proven (format 2; format 1 proves the last event and leaves it implicit). */
  streamVersion?: number;
  /** Where the proven event sat in the log when the checkpoint signed it (names a cut tail's place). */
  globalPosition?: string;
  leafIndex: number;
  treeSize: number;
  path: string[];
}

/** One stream's evidence, verifiable offline with `verifyBundle` and nothing else. */
export interface EvidenceBundle {
  format: 'selter-evidence-bundle/1' | typeof BUNDLE_FORMAT;
  streamId: string;
  events: BundleEvent[];
  checkpoint: { signedBody: string; signature: string };
  /** Proves the stream's head (and through the chain, every event before it) is in the checkpoint's tree. */
  inclusion: BundleInclusion;
  /**
   * Proofs for earlier events (every one in a round-sized bundle, every n-th in a huge one). They
   * add nothing to a bundle that verifies; when a rewritten chain fails the head's proof, they
   * tell the auditor the first event the signed tree does not contain.
   */
  anchors?: Array<{ streamVersion: number; globalPosition?: string; leafIndex: number; path: string[] }>;
  publicKeyPem: string;
}

export class StreamNotCheckpointedError extends Error {
  override readonly name = 'StreamNotCheckpointedError';
  readonly code = 'EVENT_STORE.STREAM_NOT_CHECKPOINTED';
}

/** At most this many path hashes of anchors per bundle (about 4 MB of hex). */
const ANCHOR_BUDGET = 65_536;

/** Versions 1..head-1 to anchor: all of them while the budget allows, else every `step`-th. */
function anchorVersions(head: number, treeSize: number): number[] {
  const depth = Math.max(1, Math.ceil(Math.log2(treeSize)));
  const step = Math.max(1, Math.ceil(((head - 1) * depth) / ANCHOR_BUDGET));
  const versions: number[] = [];
  for (let v = step; v < head; v += step) versions.push(v);
  return versions;
}

export interface ExportOptions {
  /**
   * Export only the events the latest checkpoint covers (a prefix of the stream: the verification
   * of a stream that grew since), instead of refusing a stream whose last event is not covered yet.
   */
  coveredOnly?: boolean;
}

/** An event as a bundle carries it: the hashed record and its chain link. */
export const bundleEvent = (e: StoredEvent): BundleEvent => ({
  streamVersion: e.streamVersion,
  globalPosition: e.globalPosition.toString(),
  record: e.record,
  prevHash: e.prevHash.toString('hex'),
  hash: e.hash.toString('hex'),
});

/** Where each version of a stream sits in the checkpoint's tree, and the tree's leaves. */
interface StreamInTree {
  leaves: Buffer[];
  leafOf: Map<number, { leafIndex: number; globalPosition: string }>;
}

/**
 * The tree from the stored copy of the signed leaves when it rebuilds the signed root (so a change
 * elsewhere in the log never spoils this stream's proofs, and a cut tail still has its signed
 * head), else from the log as it is.
 */
async function streamInTree(
  sql: Sql,
  checkpoint: SignedCheckpoint,
  stored: StoredEvent[],
): Promise<StreamInTree> {
  const { treeSize } = checkpoint.body;
  const leaves = await provenLeaves(sql, checkpoint);
  if (leaves) {
    const covered = await streamLeaves(sql, stored[0]?.streamId ?? '', treeSize);
    return { leaves, leafOf: new Map(covered.map((l) => [l.streamVersion, l])) };
  }
  const entries = await readLeafEntries(sql, treeSize);
  const indexOf = new Map(entries.map((e, i) => [e.globalPosition, i]));
  const leafOf = new Map(
    stored.flatMap((e) => {
      const leafIndex = indexOf.get(e.globalPosition);
      return leafIndex === undefined
        ? []
        : [[e.streamVersion, { leafIndex, globalPosition: e.globalPosition.toString() }] as const];
    }),
  );
  return { leaves: entries.map((e) => e.leaf), leafOf };
}

/** Builds the bundle for a stream whose last event the latest checkpoint covers (or, `coveredOnly`, its covered prefix). */
export async function exportBundle(
  sql: Sql,
  streamId: string,
  signer: Pick<CheckpointSigner, 'publicKey'>,
  options: ExportOptions = {},
): Promise<EvidenceBundle> {
  return bundleOf(sql, streamId, await readStream(sql, streamId), signer, options);
}

/** The bundle of a stream's events, already read. */
export async function bundleOf(
  sql: Sql,
  streamId: string,
  stored: StoredEvent[],
  signer: Pick<CheckpointSigner, 'publicKey'>,
  options: ExportOptions = {},
): Promise<EvidenceBundle> {
  // The latest checkpoint this key signed: a forged later one must not spoil every bundle.
  const checkpoint = (await readCheckpoints(sql))
    .reverse()
    .find((cp) => verifySignature(signer.publicKey, cp.signedBody, Buffer.from(cp.signature, 'base64')));
  if (stored.length === 0) throw new StreamNotCheckpointedError(`stream ${streamId} has no events`);
  if (!checkpoint) throw new StreamNotCheckpointedError('no checkpoint yet: create one first');
  const { leaves, leafOf } = await streamInTree(sql, checkpoint, stored);
  let head = 0;
  for (const version of leafOf.keys()) head = Math.max(head, version);
  const headLeaf = leafOf.get(head);
  const last = (stored[stored.length - 1] as StoredEvent).streamVersion;
  if (!headLeaf || (last > head && !options.coveredOnly))
    throw new StreamNotCheckpointedError(
      `the latest checkpoint does not cover stream ${streamId}'s last event yet`,
    );
  const events = stored.filter((e) => e.streamVersion <= head);
  const anchored = anchorVersions(head, leaves.length).flatMap((v) => {
    const leaf = leafOf.get(v);
    return leaf ? [{ streamVersion: v, globalPosition: leaf.globalPosition, leafIndex: leaf.leafIndex }] : [];
  });
  const [headPath = [], ...anchorPaths] = inclusionProofs(
    [headLeaf.leafIndex, ...anchored.map((a) => a.leafIndex)],
    leaves,
  );
  const hex = (path: Buffer[]): string[] => path.map((h) => h.toString('hex'));
  return {
    format: BUNDLE_FORMAT,
    streamId,
    events: events.map(bundleEvent),
    checkpoint: { signedBody: checkpoint.signedBody, signature: checkpoint.signature },
    inclusion: {
      streamVersion: head,
      globalPosition: headLeaf.globalPosition,
      leafIndex: headLeaf.leafIndex,
      treeSize: leaves.length,
      path: hex(headPath),
    },
    anchors: anchored.map((a, i) => ({ ...a, path: hex(anchorPaths[i] ?? []) })),
    publicKeyPem: publicKeyPem(signer.publicKey),
  };
}
