// Evidence-bundle verification as ONE pure module for every runtime (ADR 0017): no Node built-in,
// no Buffer, no I/O. The checks are a generator that asks for hashes and signature checks; a
// synchronous driver answers with node:crypto (the CLI, the API), an asynchronous one with
// WebCrypto (the console's page and the standalone HTML file).
import type { BundleEvent, BundleInclusion, EvidenceBundle } from './bundle';
import type { ProblemCode } from './verify';

export type { BundleEvent, EvidenceBundle } from './bundle';

export type BundleProblemCode = ProblemCode | 'BUNDLE_MALFORMED' | 'KEY_MISMATCH' | 'NOT_IN_CHECKPOINT';

/** One thing wrong with a bundle; `streamVersion` is the first version (slot) it concerns. */
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
  /** Events whose place, record and chain link were checked. */
  eventsChecked: number;
  /** The fingerprint of the key the checkpoint was checked with. */
  keyId?: string;
  /** True when the key came from outside the bundle (`publicKey` or `expectedKeyId`). */
  keyPinned: boolean;
  checkpoint?: { sequence: number; treeSize: number; createdAt: string };
  /** Every problem found, earliest version first (checkpoint-wide ones, without a version, last). */
  problems: BundleProblem[];
  /** The first of `problems`. */
  problem?: BundleProblem;
}

export interface CoreVerifyOptions {
  /** The fingerprint the bundle's key must have (a key obtained elsewhere). */
  expectedKeyId?: string;
  /** Called every few thousand events and at the end. */
  onProgress?: (eventsChecked: number, total: number) => void;
}

/** What the checks ask of a runtime: SHA-256 over (hex bytes, then UTF-8 text) as hex, and Ed25519. */
export type CryptoAsk =
  | { op: 'sha256'; inputs: ReadonlyArray<readonly [hex: string, text: string]> }
  | { op: 'ed25519'; publicKeyDer: Uint8Array; message: string; signature: Uint8Array };
export type CryptoAnswer = string[] | boolean;
export type Checks<T> = Generator<CryptoAsk, T, CryptoAnswer>;

/** A runtime's primitives, synchronous (node:crypto) or not (WebCrypto). */
export interface VerifyPrimitives<R extends 'sync' | 'async'> {
  sha256Hex(
    inputs: ReadonlyArray<readonly [string, string]>,
  ): R extends 'sync' ? string[] : Promise<string[]>;
  ed25519Verify(
    publicKeyDer: Uint8Array,
    message: string,
    signature: Uint8Array,
  ): R extends 'sync' ? boolean : Promise<boolean>;
}

export const GENESIS_HEX = '0'.repeat(64);
const CHUNK = 4096;
/** SPKI DER prefix of an Ed25519 public key (RFC 8410): the 32 key bytes follow. */
const ED25519_SPKI_PREFIX = '302a300506032b6570032100';

class Found extends Error {
  constructor(readonly problem: BundleProblem) {
    super(problem.reason);
  }
}

export const toHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

function* sha256(hex: string, text = ''): Checks<string> {
  return ((yield { op: 'sha256', inputs: [[hex, text]] }) as string[])[0] as string;
}

/** Whether the hashed record names this stream and version (canonical JSON ends with them, then the type). */
function recordNames(record: string, streamIdJson: string, version: number): boolean {
  const i = record.lastIndexOf(',"streamId":');
  if (i >= 0 && record.startsWith(`,"streamId":${streamIdJson},"streamVersion":${version},"type":"`, i))
    return true;
  // Not in canonical shape: read it properly (the signed tree still decides whether these are the written bytes).
  try {
    const parsed = JSON.parse(record) as { streamId?: unknown; streamVersion?: unknown };
    return JSON.stringify(parsed.streamId) === streamIdJson && parsed.streamVersion === version;
  } catch {
    return false;
  }
}

/** Whether global position `a` (decimal text) comes before `b`, without parsing either. */
const positionBefore = (a: string, b: string): boolean =>
  a.length === b.length ? a < b : a.length < b.length;

const byVersion = (a: BundleProblem, b: BundleProblem): number =>
  (a.streamVersion ?? Infinity) - (b.streamVersion ?? Infinity);

/** Keeps the first problem of each code at each version, earliest version first, then those without a version. */
export function distinctProblems(problems: readonly BundleProblem[]): BundleProblem[] {
  const seen = new Set<string>();
  const versioned = problems.filter((p) => {
    const key = `${p.code}@${p.streamVersion}`;
    return p.streamVersion === undefined || seen.has(key) ? false : (seen.add(key), true);
  });
  return [...versioned.sort(byVersion), ...problems.filter((p) => p.streamVersion === undefined)];
}

/** The problems of one event against the one before it in the stream (`prev`), given its recomputed hash. */
function eventProblems(
  e: BundleEvent,
  prev: BundleEvent | undefined,
  computed: string | undefined,
  streamIdJson: string,
): BundleProblem[] {
  const v = e.streamVersion;
  const where = { streamVersion: v, globalPosition: e.globalPosition };
  if (typeof e.record !== 'string' || !recordNames(e.record, streamIdJson, v)) {
    return [
      {
        code: 'RECORD_ALTERED',
        ...where,
        reason: `version ${v}: the hashed record does not name this stream and version ${v}`,
      },
    ];
  }
  const problems: BundleProblem[] = [];
  if (computed !== e.hash)
    problems.push({
      code: 'HASH_MISMATCH',
      ...where,
      reason: `version ${v}: the record does not hash to its stored hash (payload changed)`,
    });
  if (v === 1 ? e.prevHash !== GENESIS_HEX : prev?.streamVersion === v - 1 && e.prevHash !== prev.hash) {
    problems.push({
      code: 'CHAIN_BROKEN',
      ...where,
      reason: `version ${v} does not chain to version ${v - 1} (an earlier record or hash was changed)`,
    });
  }
  if (prev && !positionBefore(prev.globalPosition, e.globalPosition)) {
    problems.push({
      code: 'OUT_OF_ORDER',
      ...where,
      reason: `version ${v} sits at global position ${e.globalPosition}, before version ${prev.streamVersion} (events reordered)`,
    });
  }
  return problems;
}

/**
 * Every place a stream's events, in the order given, break their hash chain: a missing, moved or
 * altered event, a broken link. `computed[i]` is SHA-256(prevHash || record) of `events[i]`.
 */
export function chainProblemsOf(
  streamId: string,
  events: readonly BundleEvent[],
  computed: readonly string[],
): BundleProblem[] {
  const streamIdJson = JSON.stringify(streamId);
  const versions = new Set(events.map((e) => e.streamVersion));
  const problems: BundleProblem[] = [];
  let prev: BundleEvent | undefined;
  events.forEach((e, i) => {
    const v = e.streamVersion;
    const expected = (prev?.streamVersion ?? 0) + 1;
    const where = { streamVersion: expected, globalPosition: e.globalPosition };
    if (!Number.isInteger(v) || v < expected) {
      const version = Number.isInteger(v) ? v : expected;
      problems.push({
        code: 'OUT_OF_ORDER',
        streamVersion: version,
        globalPosition: e.globalPosition,
        reason: `version ${v} comes after version ${expected - 1} (events reordered)`,
      });
      return;
    }
    if (v > expected) {
      const moved = [...Array(v - expected).keys()].some((k) => versions.has(expected + k));
      problems.push(
        moved
          ? {
              code: 'OUT_OF_ORDER',
              ...where,
              reason: `version ${expected} comes after version ${v} (events reordered)`,
            }
          : {
              code: 'VERSION_GAP',
              ...where,
              reason: `version${v - expected > 1 ? `s ${expected}..${v - 1} are` : ` ${expected} is`} missing: the stream goes on with version ${v} at global position ${e.globalPosition} (event deleted)`,
            },
      );
    }
    problems.push(...eventProblems(e, prev, computed[i], streamIdJson));
    prev = e;
  });
  return distinctProblems(problems);
}

/** Recomputes every event's chain hash, a chunk at a time (a runtime may hash a chunk in parallel). */
function* hashEvents(events: readonly BundleEvent[], progress: (n: number) => void): Checks<string[]> {
  const computed: string[] = [];
  for (let from = 0; from < events.length; from += CHUNK) {
    const inputs = events
      .slice(from, from + CHUNK)
      .map((e) => [String(e.prevHash), String(e.record)] as const);
    computed.push(...((yield { op: 'sha256', inputs }) as string[]));
    if (computed.length < events.length) progress(computed.length);
  }
  return computed;
}

interface ParsedCheckpoint {
  sequence: number;
  treeSize: number;
  rootHash: string;
  createdAt: string;
  keyId: string;
}

function* checkCheckpoint(
  bundle: EvidenceBundle,
  publicKeyDer: Uint8Array,
  keyId: string,
): Checks<ParsedCheckpoint> {
  let body: ParsedCheckpoint;
  let signature: Uint8Array;
  try {
    body = JSON.parse(bundle.checkpoint.signedBody) as ParsedCheckpoint;
    signature = fromBase64(bundle.checkpoint.signature);
  } catch {
    throw new Found({ code: 'BUNDLE_MALFORMED', reason: 'the checkpoint is not a signed checkpoint' });
  }
  const valid =
    body.keyId === keyId &&
    ((yield { op: 'ed25519', publicKeyDer, message: bundle.checkpoint.signedBody, signature }) as boolean);
  if (!valid) {
    throw new Found({
      code: 'CHECKPOINT_SIGNATURE_INVALID',
      checkpointSequence: body.sequence,
      reason: `checkpoint ${body.sequence}: the signature does not verify with key ${keyId} (forged or altered checkpoint)`,
    });
  }
  return body;
}

/** RFC 9162 2.1.3.2: does `path` put the leaf of `hashHex` at `index` of a tree of `treeSize` with `rootHex`? */
function* proves(
  p: Pick<BundleInclusion, 'leafIndex' | 'path'>,
  treeSize: number,
  hashHex: string | undefined,
  rootHex: string,
): Checks<boolean> {
  if (hashHex === undefined || !Array.isArray(p.path) || p.leafIndex < 0 || p.leafIndex >= treeSize)
    return false;
  let fn = p.leafIndex;
  let sn = treeSize - 1;
  let r = yield* sha256(`00${hashHex}`);
  for (const sibling of p.path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = yield* sha256(`01${sibling}${r}`);
      while (fn % 2 === 0 && fn !== 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = yield* sha256(`01${r}${sibling}`);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && r === rootHex;
}

/** The head proven in the signed tree, or the first version the signed tree does not contain. */
function* checkInclusion(
  bundle: EvidenceBundle,
  hashOf: Map<number, string>,
  last: number,
  checkpoint: ParsedCheckpoint,
): Checks<void> {
  const { inclusion } = bundle;
  const { sequence } = checkpoint;
  const head = inclusion.streamVersion ?? last;
  // A version the bundle lacks (a cut tail) still has the place the checkpoint signed it at, in its proof.
  const positionOf = (version: number): string | undefined =>
    bundle.events.find((e) => e.streamVersion === version)?.globalPosition ??
    (version === head
      ? inclusion.globalPosition
      : bundle.anchors?.find((a) => a.streamVersion === version)?.globalPosition);
  const where = (version: number) => ({
    checkpointSequence: sequence,
    streamVersion: version,
    ...(positionOf(version) ? { globalPosition: positionOf(version) } : {}),
  });
  if (last < head) {
    const at = inclusion.globalPosition ? ` (global position ${inclusion.globalPosition})` : '';
    throw new Found({
      code: 'LOG_TRUNCATED',
      ...where(last + 1),
      reason: `the stream ends at version ${last} but checkpoint ${sequence} proves version ${head}${at}: versions ${last + 1}..${head} were cut`,
    });
  }
  if (last > head)
    throw new Found({
      code: 'NOT_IN_CHECKPOINT',
      ...where(head + 1),
      reason: `versions ${head + 1}..${last} are not covered by checkpoint ${sequence} (events added after export)`,
    });
  if (inclusion.treeSize !== checkpoint.treeSize)
    throw new Found({
      code: 'BUNDLE_MALFORMED',
      checkpointSequence: sequence,
      reason: `the inclusion proof is for a tree of ${inclusion.treeSize}, checkpoint ${sequence} signs ${checkpoint.treeSize}`,
    });
  const { treeSize } = inclusion;
  if (yield* proves(inclusion, treeSize, hashOf.get(head), checkpoint.rootHash)) return;
  // Locate: a proven version proves every version before it (the chain), so the first anchor that
  // fails bounds where the signed history and the bundle part.
  let proven = 0;
  let bound = head;
  for (const anchor of [...(bundle.anchors ?? [])].sort((a, b) => a.streamVersion - b.streamVersion)) {
    if (anchor.streamVersion >= head) break;
    if (!(yield* proves(anchor, treeSize, hashOf.get(anchor.streamVersion), checkpoint.rootHash))) {
      bound = anchor.streamVersion;
      break;
    }
    proven = anchor.streamVersion;
  }
  const span =
    bound === proven + 1 ? `from version ${bound}` : `somewhere in versions ${proven + 1}..${bound}`;
  throw new Found({
    code: 'CHECKPOINT_ROOT_MISMATCH',
    ...where(proven + 1),
    reason: `checkpoint ${sequence}'s signed tree does not contain this chain ${span} on (history rewritten, hashes recomputed); versions 1..${proven} are proven`,
  });
}

/** The bundle's public key as SPKI DER, if it is an Ed25519 key in PEM. */
function bundleKeyDer(pem: unknown): Uint8Array {
  const body =
    typeof pem === 'string'
      ? /-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----/.exec(pem)?.[1]
      : undefined;
  const der = body === undefined ? undefined : fromBase64(body.replace(/\s+/g, ''));
  if (!der || der.length !== 44 || !toHex(der).startsWith(ED25519_SPKI_PREFIX))
    throw new Found({
      code: 'BUNDLE_MALFORMED',
      reason: 'the bundle carries no readable Ed25519 public key',
    });
  return der;
}

/** Runs a step; a problem it finds is recorded, and the walk goes on with the next step. */
function* recorded<T>(problems: BundleProblem[], step: Checks<T>): Checks<T | undefined> {
  try {
    return yield* step;
  } catch (error) {
    if (!(error instanceof Found)) throw error;
    problems.push(error.problem);
    return undefined;
  }
}

/**
 * The checks of a bundle: every event in its place, each record hashing into the chain, the
 * checkpoint's signature, the chain's head inside the signed tree. Reports every problem, each
 * with the first version it concerns. Drive it with `runSync` or `runAsync`.
 */
export function* bundleChecks(
  bundle: EvidenceBundle,
  options: CoreVerifyOptions = {},
): Checks<BundleVerdict> {
  const total = Array.isArray(bundle?.events) ? bundle.events.length : 0;
  const verdict: BundleVerdict = {
    ok: false,
    streamId: bundle?.streamId,
    eventsChecked: 0,
    keyPinned: Boolean(options.expectedKeyId),
    problems: [],
  };
  const finish = (problems: BundleProblem[]): BundleVerdict => {
    // A key other than the pinned one outranks everything the bundle says about itself.
    const all = distinctProblems(problems).sort(
      (a, b) => Number(b.code === 'KEY_MISMATCH') - Number(a.code === 'KEY_MISMATCH'),
    );
    options.onProgress?.(verdict.eventsChecked, total);
    return { ...verdict, ok: all.length === 0, problems: all, ...(all[0] ? { problem: all[0] } : {}) };
  };
  const problems: BundleProblem[] = [];
  if (
    !String(bundle?.format).startsWith('selter-evidence-bundle/') ||
    total === 0 ||
    !bundle.inclusion ||
    !bundle.checkpoint
  ) {
    return finish([
      {
        code: 'BUNDLE_MALFORMED',
        reason: 'not an evidence bundle with events, a checkpoint and an inclusion proof',
      },
    ]);
  }
  let der: Uint8Array;
  try {
    der = bundleKeyDer(bundle.publicKeyPem);
  } catch (error) {
    if (error instanceof Found) return finish([error.problem]);
    throw error;
  }
  const keyId = (yield* sha256(toHex(der))).slice(0, 32);
  verdict.keyId = keyId;
  if (options.expectedKeyId && options.expectedKeyId !== keyId) {
    problems.push({
      code: 'KEY_MISMATCH',
      reason: `the bundle carries key ${keyId}, not the pinned key ${options.expectedKeyId}`,
    });
  }
  const computed = yield* hashEvents(bundle.events, (n) => {
    verdict.eventsChecked = n;
    options.onProgress?.(n, total);
  });
  problems.push(...chainProblemsOf(bundle.streamId, bundle.events, computed));
  verdict.eventsChecked = total;
  const checkpoint = yield* recorded(problems, checkCheckpoint(bundle, der, keyId));
  if (checkpoint) {
    verdict.checkpoint = {
      sequence: checkpoint.sequence,
      treeSize: checkpoint.treeSize,
      createdAt: checkpoint.createdAt,
    };
    const hashOf = new Map(bundle.events.map((e) => [e.streamVersion, e.hash]));
    const last = bundle.events.reduce(
      (max, e) => (Number.isInteger(e.streamVersion) ? Math.max(max, e.streamVersion) : max),
      0,
    );
    yield* recorded(problems, checkInclusion(bundle, hashOf, last, checkpoint));
  }
  return finish(problems);
}
