import { createPublicKey, hash, type KeyObject } from 'node:crypto';
import type { BundleEvent, BundleInclusion, EvidenceBundle } from './bundle';
import { parseSignedCheckpoint, type SignedCheckpoint } from './checkpoint-format';
import { GENESIS_HASH } from './hash-chain';
import { leafHash, verifyInclusion } from './merkle';
import { keyFingerprint, verifySignature } from './signing';
import type { ProblemCode } from './verify';

export type BundleProblemCode = ProblemCode | 'BUNDLE_MALFORMED' | 'KEY_MISMATCH' | 'NOT_IN_CHECKPOINT';

/** The first thing wrong with a bundle; `streamVersion` is the first version (slot) the evidence fails at. */
export interface BundleProblem {
  code: BundleProblemCode;
  reason: string;
  streamVersion?: number;
  globalPosition?: string;
  checkpointSequence?: number;
}

export interface BundleVerdict {
  ok: boolean;
  streamId: string;
  /** Events whose place, record and chain link were checked before a problem stopped the walk. */
  eventsChecked: number;
  /** The fingerprint of the key the checkpoint was checked with. */
  keyId?: string;
  /** True when the key came from outside the bundle (`publicKey` or `expectedKeyId`). */
  keyPinned: boolean;
  checkpoint?: { sequence: number; treeSize: number; createdAt: string };
  problem?: BundleProblem;
}

export interface BundleVerifyOptions {
  /** A key obtained elsewhere: the bundle must carry this one and be signed with it. */
  publicKey?: KeyObject;
  /** The fingerprint the bundle's key must have. */
  expectedKeyId?: string;
  /** Called every few thousand events and at the end of the walk. */
  onProgress?: (eventsChecked: number, total: number) => void;
}

class Found extends Error {
  constructor(readonly problem: BundleProblem) {
    super(problem.reason);
  }
}

const PROGRESS_EVERY = 4096;
const at = (e: BundleEvent | undefined): { globalPosition?: string } => (e ? { globalPosition: e.globalPosition } : {});

/**
 * The chain hash of a record as hex, like `chainHash` but one-shot into a reused buffer: per event
 * this is most of the verification's cost, and `createHash` objects cost three times as much.
 */
class ChainHasher {
  private scratch = Buffer.allocUnsafe(1 << 16);

  hex(prevHex: string, record: string): string {
    const need = 32 + Buffer.byteLength(record, 'utf8');
    if (need > this.scratch.length) this.scratch = Buffer.allocUnsafe(need * 2);
    this.scratch.write(prevHex, 0, 'hex');
    this.scratch.write(record, 32, 'utf8');
    return hash('sha256', this.scratch.subarray(0, need), 'hex');
  }
}

/** Whether the hashed record names this stream and version (canonical JSON ends with them, then the type). */
function recordNames(record: string, streamIdJson: string, version: number): boolean {
  const i = record.lastIndexOf(',"streamId":');
  if (i >= 0 && record.startsWith(`,"streamId":${streamIdJson},"streamVersion":${version},"type":"`, i)) return true;
  // Not in canonical shape: read it properly (a record that parses to the right names is fine; the
  // signed tree still decides whether these are the bytes that were written).
  try {
    const parsed = JSON.parse(record) as { streamId?: unknown; streamVersion?: unknown };
    return JSON.stringify(parsed.streamId) === streamIdJson && parsed.streamVersion === version;
  } catch {
    return false;
  }
}

type Chain = Pick<EvidenceBundle, 'streamId' | 'events'>;

/** Where the event in slot `i` (version i + 1) is not what the chain needs, if anywhere. */
function slotProblem(bundle: Chain, i: number, prevHex: string, hasher: ChainHasher, streamIdJson: string): BundleProblem | undefined {
  const e = bundle.events[i] as BundleEvent;
  const version = i + 1;
  const where = { streamVersion: version, globalPosition: e.globalPosition };
  if (e.streamVersion !== version) {
    const later = bundle.events.some((other, j) => j > i && other.streamVersion === version);
    const reason = later ? `version ${version} comes after version ${e.streamVersion} (events reordered)` : `version ${version} is missing: the bundle goes on with version ${e.streamVersion} (event deleted)`;
    return { code: later ? 'OUT_OF_ORDER' : 'VERSION_GAP', ...where, reason };
  }
  if (typeof e.record !== 'string' || !recordNames(e.record, streamIdJson, version)) {
    return { code: 'RECORD_ALTERED', ...where, reason: `version ${version}: the hashed record does not name ${bundle.streamId} version ${version}` };
  }
  if (e.prevHash !== prevHex) return { code: 'CHAIN_BROKEN', ...where, reason: `version ${version} does not chain to version ${version - 1} (an earlier record or hash was changed)` };
  if (hasher.hex(prevHex, e.record) !== e.hash) return { code: 'HASH_MISMATCH', ...where, reason: `version ${version}: the record does not hash to its stored hash (payload changed)` };
  return undefined;
}

/** Walks the chain; returns each version's hash (index = version - 1), checked against its record. */
function checkEvents(bundle: Chain, progress: (n: number) => void): string[] {
  const hasher = new ChainHasher();
  const streamIdJson = JSON.stringify(bundle.streamId);
  const hashes: string[] = [];
  let prevHex = GENESIS_HASH.toString('hex');
  for (let i = 0; i < bundle.events.length; i += 1) {
    const problem = slotProblem(bundle, i, prevHex, hasher, streamIdJson);
    if (problem) {
      progress(i);
      throw new Found(problem);
    }
    prevHex = (bundle.events[i] as BundleEvent).hash;
    hashes.push(prevHex);
    if ((i + 1) % PROGRESS_EVERY === 0) progress(i + 1);
  }
  return hashes;
}

/**
 * The first place a stream's events, in version order, break their hash chain (a missing, moved or
 * altered event, a broken link), or undefined: the walk `verifyBundle` starts with, without a checkpoint.
 */
export function chainProblem(streamId: string, events: readonly BundleEvent[]): BundleProblem | undefined {
  try {
    checkEvents({ streamId, events: events as BundleEvent[] }, () => undefined);
    return undefined;
  } catch (error) {
    if (error instanceof Found) return error.problem;
    throw error;
  }
}

function checkCheckpoint(bundle: EvidenceBundle, key: KeyObject, keyId: string): SignedCheckpoint {
  let checkpoint: SignedCheckpoint;
  try {
    checkpoint = parseSignedCheckpoint(bundle.checkpoint.signedBody, bundle.checkpoint.signature);
  } catch {
    throw new Found({ code: 'BUNDLE_MALFORMED', reason: 'the checkpoint is not a signed checkpoint' });
  }
  const sequence = checkpoint.body.sequence;
  if (checkpoint.body.keyId !== keyId || !verifySignature(key, checkpoint.signedBody, Buffer.from(checkpoint.signature, 'base64'))) {
    throw new Found({ code: 'CHECKPOINT_SIGNATURE_INVALID', checkpointSequence: sequence, reason: `checkpoint ${sequence}: the signature does not verify with key ${keyId} (forged or altered checkpoint)` });
  }
  return checkpoint;
}

const proves = (p: Pick<BundleInclusion, 'leafIndex' | 'path'>, treeSize: number, hashHex: string | undefined, root: Buffer): boolean =>
  hashHex !== undefined && verifyInclusion(p.leafIndex, treeSize, leafHash(Buffer.from(hashHex, 'hex')), p.path.map((h) => Buffer.from(h, 'hex')), root);

/** The head proven in the signed tree, or the first version the signed tree does not contain. */
function checkInclusion(bundle: EvidenceBundle, hashes: string[], checkpoint: SignedCheckpoint): void {
  const { inclusion } = bundle;
  const sequence = checkpoint.body.sequence;
  const last = hashes.length;
  const head = inclusion.streamVersion ?? last;
  const where = (version: number) => ({ checkpointSequence: sequence, streamVersion: version, ...at(bundle.events[version - 1]) });
  if (last < head) throw new Found({ code: 'LOG_TRUNCATED', ...where(last + 1), reason: `the bundle ends at version ${last} but checkpoint ${sequence} proves version ${head}: versions ${last + 1}..${head} were cut` });
  if (last > head) throw new Found({ code: 'NOT_IN_CHECKPOINT', ...where(head + 1), reason: `versions ${head + 1}..${last} are not covered by checkpoint ${sequence} (events added after export)` });
  if (inclusion.treeSize !== checkpoint.body.treeSize) throw new Found({ code: 'BUNDLE_MALFORMED', checkpointSequence: sequence, reason: `the inclusion proof is for a tree of ${inclusion.treeSize}, checkpoint ${sequence} signs ${checkpoint.body.treeSize}` });
  const root = Buffer.from(checkpoint.body.rootHash, 'hex');
  const { treeSize } = inclusion;
  if (proves(inclusion, treeSize, hashes[head - 1], root)) return;
  // Locate: a proven version proves every version before it (the chain), so the first anchor that
  // fails bounds where the signed history and the bundle part.
  let proven = 0;
  let bound = head;
  for (const anchor of [...(bundle.anchors ?? [])].sort((a, b) => a.streamVersion - b.streamVersion)) {
    if (anchor.streamVersion >= head) break;
    if (!proves(anchor, treeSize, hashes[anchor.streamVersion - 1], root)) {
      bound = anchor.streamVersion;
      break;
    }
    proven = anchor.streamVersion;
  }
  const span = bound === proven + 1 ? `from version ${bound}` : `somewhere in versions ${proven + 1}..${bound}`;
  throw new Found({ code: 'CHECKPOINT_ROOT_MISMATCH', ...where(proven + 1), reason: `checkpoint ${sequence}'s signed tree does not contain this chain ${span} on (history rewritten, hashes recomputed); versions 1..${proven} are proven` });
}

function bundleKey(bundle: EvidenceBundle): { key: KeyObject; keyId: string } {
  try {
    const key = createPublicKey(bundle.publicKeyPem);
    return { key, keyId: keyFingerprint(key) };
  } catch {
    throw new Found({ code: 'BUNDLE_MALFORMED', reason: 'the bundle carries no readable public key' });
  }
}

/**
 * Verifies a bundle offline: every event in its slot, each record hashing into the chain, the
 * checkpoint's signature, and the chain's head inside the signed tree; reports the first problem
 * and the first version it concerns.
 */
export function verifyBundle(bundle: EvidenceBundle, options: BundleVerifyOptions | string = {}): BundleVerdict {
  const opts = typeof options === 'string' ? { expectedKeyId: options } : options;
  const total = Array.isArray(bundle.events) ? bundle.events.length : 0;
  const verdict: BundleVerdict = { ok: false, streamId: bundle.streamId, eventsChecked: 0, keyPinned: Boolean(opts.publicKey ?? opts.expectedKeyId) };
  try {
    if (!String(bundle.format).startsWith('selter-evidence-bundle/') || total === 0 || !bundle.inclusion || !bundle.checkpoint) {
      throw new Found({ code: 'BUNDLE_MALFORMED', reason: 'not an evidence bundle with events, a checkpoint and an inclusion proof' });
    }
    const { key, keyId } = bundleKey(bundle);
    verdict.keyId = keyId;
    const pinned = opts.publicKey ? keyFingerprint(opts.publicKey) : opts.expectedKeyId;
    if (pinned && pinned !== keyId) throw new Found({ code: 'KEY_MISMATCH', reason: `the bundle carries key ${keyId}, not the pinned key ${pinned}` });
    const hashes = checkEvents(bundle, (n) => {
      verdict.eventsChecked = n;
      opts.onProgress?.(n, total);
    });
    verdict.eventsChecked = total;
    const checkpoint = checkCheckpoint(bundle, key, keyId);
    verdict.checkpoint = { sequence: checkpoint.body.sequence, treeSize: checkpoint.body.treeSize, createdAt: checkpoint.body.createdAt };
    checkInclusion(bundle, hashes, checkpoint);
    verdict.ok = true;
  } catch (error) {
    if (!(error instanceof Found)) throw error;
    verdict.problem = error.problem;
  }
  opts.onProgress?.(verdict.eventsChecked, total);
  return verdict;
}
