import { createPublicKey } from 'node:crypto';
import type { Sql } from 'postgres';
import { parseSignedCheckpoint } from './checkpoint-format';
import { latestCheckpoint } from './checkpoint';
import { chainHash, GENESIS_HASH } from './hash-chain';
import { inclusionProof, leafHash, verifyInclusion } from './merkle';
import { readLeafEntries } from './consistency';
import { readStream } from './read';
import { keyFingerprint, publicKeyPem, verifySignature, type CheckpointSigner } from './signing';

/** One stream's evidence, verifiable offline with `verifyBundle` and nothing else. */
export interface EvidenceBundle {
  format: 'selter-evidence-bundle/1';
  streamId: string;
  events: Array<{ streamVersion: number; globalPosition: string; record: string; prevHash: string; hash: string }>;
  checkpoint: { signedBody: string; signature: string };
  /** Proves the stream's last event (and through the chain, all before it) is in the checkpoint's tree. */
  inclusion: { leafIndex: number; treeSize: number; path: string[] };
  publicKeyPem: string;
}

export class StreamNotCheckpointedError extends Error {
  override readonly name = 'StreamNotCheckpointedError';
  readonly code = 'EVENT_STORE.STREAM_NOT_CHECKPOINTED';
}

/** Builds the bundle for a stream whose last event the latest checkpoint covers. */
export async function exportBundle(sql: Sql, streamId: string, signer: Pick<CheckpointSigner, 'publicKey'>): Promise<EvidenceBundle> {
  const events = await readStream(sql, streamId);
  const head = events[events.length - 1];
  const checkpoint = await latestCheckpoint(sql);
  if (!head) throw new StreamNotCheckpointedError(`stream ${streamId} has no events`);
  if (!checkpoint) throw new StreamNotCheckpointedError('no checkpoint yet: create one first');
  const entries = await readLeafEntries(sql, checkpoint.body.treeSize);
  const leaves = entries.map((e) => e.leaf);
  const leafIndex = entries.findIndex((e) => e.globalPosition === head.globalPosition);
  if (leafIndex < 0) throw new StreamNotCheckpointedError(`the latest checkpoint does not cover stream ${streamId}'s last event yet`);
  return {
    format: 'selter-evidence-bundle/1',
    streamId,
    events: events.map((e) => ({ streamVersion: e.streamVersion, globalPosition: e.globalPosition.toString(), record: e.record, prevHash: e.prevHash.toString('hex'), hash: e.hash.toString('hex') })),
    checkpoint: { signedBody: checkpoint.signedBody, signature: checkpoint.signature },
    inclusion: { leafIndex, treeSize: leaves.length, path: inclusionProof(leafIndex, leaves).map((h) => h.toString('hex')) },
    publicKeyPem: publicKeyPem(signer.publicKey),
  };
}

export interface BundleVerdict {
  ok: boolean;
  keyId?: string;
  reason?: string;
  streamVersion?: number;
}

/** Verifies a bundle offline: the chain, the signature, and the inclusion of the stream's head. */
export function verifyBundle(bundle: EvidenceBundle, expectedKeyId?: string): BundleVerdict {
  const key = createPublicKey(bundle.publicKeyPem);
  const keyId = keyFingerprint(key);
  const fail = (reason: string, streamVersion?: number): BundleVerdict => ({ ok: false, keyId, reason, ...(streamVersion ? { streamVersion } : {}) });
  if (expectedKeyId && keyId !== expectedKeyId) return fail(`signed with key ${keyId}, expected ${expectedKeyId}`);
  let prev = GENESIS_HASH;
  for (const [i, e] of bundle.events.entries()) {
    const record = JSON.parse(e.record) as { streamId?: unknown; streamVersion?: unknown };
    if (e.streamVersion !== i + 1 || record.streamVersion !== i + 1 || record.streamId !== bundle.streamId) return fail('versions are not 1..n of this stream', e.streamVersion);
    if (e.prevHash !== prev.toString('hex') || !chainHash(prev, e.record).equals(Buffer.from(e.hash, 'hex'))) return fail('hash chain broken', e.streamVersion);
    prev = Buffer.from(e.hash, 'hex');
  }
  const checkpoint = parseSignedCheckpoint(bundle.checkpoint.signedBody, bundle.checkpoint.signature);
  if (checkpoint.body.keyId !== keyId || !verifySignature(key, checkpoint.signedBody, Buffer.from(checkpoint.signature, 'base64'))) return fail('checkpoint signature invalid');
  const { leafIndex, treeSize, path } = bundle.inclusion;
  if (treeSize !== checkpoint.body.treeSize) return fail('inclusion proof is for another tree size');
  const proven = verifyInclusion(leafIndex, treeSize, leafHash(prev), path.map((h) => Buffer.from(h, 'hex')), Buffer.from(checkpoint.body.rootHash, 'hex'));
  return proven ? { ok: true, keyId } : fail("the stream's last event is not in the checkpoint's tree (inclusion proof invalid)");
}
