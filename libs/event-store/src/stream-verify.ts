import type { KeyObject } from 'node:crypto';
import type { Sql } from 'postgres';
import { bundleEvent, bundleOf, StreamNotCheckpointedError, type EvidenceBundle } from './bundle';
import { chainProblem, verifyBundle, type BundleProblem } from './bundle-verify';
import type { CheckpointBody } from './checkpoint-format';
import { readStream } from './read';

/** One stream checked in the store: its chain, and the latest signed checkpoint over what it covers. */
export interface StreamVerdict {
  ok: boolean;
  streamId: string;
  events: number;
  head?: { version: number; hash: string; globalPosition: string };
  /** The first problem of each check (the chain over every event; the checkpoint over what it covers), earliest version first. */
  problems: BundleProblem[];
  /** The latest checkpoint, when it covers at least the stream's first event; it proves versions 1..`coveredVersion`. */
  checkpoint?: Pick<CheckpointBody, 'sequence' | 'treeSize' | 'createdAt' | 'keyId' | 'lastGlobalPosition'> & { coveredVersion: number };
}

const sameProblem = (a: BundleProblem, b: BundleProblem): boolean => a.code === b.code && a.streamVersion === b.streamVersion;
const byVersion = (a: BundleProblem, b: BundleProblem): number => (a.streamVersion ?? Infinity) - (b.streamVersion ?? Infinity);

/**
 * Verifies one stream as the store holds it, as an offline auditor would its bundle: every event's
 * place, record and chain link, then the latest checkpoint's signature (with `publicKey`) and the
 * inclusion of the last event it covers in its signed tree (which, through the chain, proves every
 * version before). Events appended since that checkpoint are checked by the chain alone. Reads the
 * leaves of the checkpoint's tree, like an export: a cost in proportion to the whole log.
 */
export async function verifyStream(sql: Sql, streamId: string, publicKey: KeyObject): Promise<StreamVerdict> {
  const stored = await readStream(sql, streamId);
  const events = stored.map(bundleEvent);
  const last = events[events.length - 1];
  const problems: BundleProblem[] = [];
  const chain = chainProblem(streamId, events);
  if (chain) problems.push(chain);
  let evidence: EvidenceBundle | undefined;
  if (last) {
    evidence = await bundleOf(sql, streamId, stored, { publicKey }, { coveredOnly: true }).catch((error: unknown) => {
      if (error instanceof StreamNotCheckpointedError) return undefined;
      throw error;
    });
  }
  const proof = evidence && verifyBundle(evidence, { publicKey });
  if (proof?.problem && !problems.some((p) => sameProblem(p, proof.problem as BundleProblem))) problems.push(proof.problem);
  const body = evidence && (JSON.parse(evidence.checkpoint.signedBody) as CheckpointBody);
  return {
    ok: problems.length === 0,
    streamId,
    events: events.length,
    ...(last ? { head: { version: last.streamVersion, hash: last.hash, globalPosition: last.globalPosition } } : {}),
    problems: problems.sort(byVersion),
    ...(evidence && body
      ? { checkpoint: { sequence: body.sequence, treeSize: body.treeSize, createdAt: body.createdAt, keyId: body.keyId, lastGlobalPosition: body.lastGlobalPosition, coveredVersion: evidence.events.length } }
      : {}),
  };
}
