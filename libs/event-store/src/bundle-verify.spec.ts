import type { EvidenceBundle } from './bundle';
import { inclusionProofs } from './bundle-proofs';
import { verifyBundle } from './bundle-verify-node';
import { verifyBundleWebCrypto } from './bundle-verify-run';
import { canonicalBody, NO_PREVIOUS_CHECKPOINT, type CheckpointBody } from './checkpoint-format';
import { canonicalRecord, chainHash, GENESIS_HASH } from './hash-chain';
import { leafHash, merkleRoot } from './merkle';
import { generateSigner, publicKeyPem, signBytes } from './signing';

const signer = generateSigner();

/** A bundle built by hand: `count` events of one stream, every third leaf of the log another stream's. */
function bundleOf(count: number, anchorEvery: number): EvidenceBundle {
  let prev: Buffer = GENESIS_HASH;
  const events = Array.from({ length: count }, (_, i) => {
    const record = canonicalRecord('round-x', i + 1, {
      eventId: `e-${i}`,
      type: 'StageResultsRecorded',
      data: { n: i },
      metadata: {},
      recordedAt: '2026-01-01T00:00:00.000Z',
    });
    const hash = chainHash(prev, record);
    const e = {
      streamVersion: i + 1,
      globalPosition: String(i * 2 + 1),
      record,
      prevHash: prev.toString('hex'),
      hash: hash.toString('hex'),
    };
    prev = hash;
    return e;
  });
  const leaves = events.flatMap((e, i) => [
    leafHash(Buffer.from(e.hash, 'hex')),
    leafHash(Buffer.from(`other-${i}`)),
  ]);
  const indexOf = (version: number): number => (version - 1) * 2;
  const body: CheckpointBody = {
    format: 'selter-checkpoint/1',
    sequence: 4,
    treeSize: leaves.length,
    rootHash: merkleRoot(leaves).toString('hex'),
    lastTransactionId: '9',
    lastGlobalPosition: String(leaves.length),
    prevCheckpointHash: NO_PREVIOUS_CHECKPOINT,
    createdAt: '2026-01-02T00:00:00.000Z',
    keyId: signer.keyId,
  };
  const signedBody = canonicalBody(body);
  const anchored = events
    .filter((e) => e.streamVersion % anchorEvery === 0 && e.streamVersion < count)
    .map((e) => e.streamVersion);
  const [head = [], ...paths] = inclusionProofs([indexOf(count), ...anchored.map(indexOf)], leaves);
  const hex = (p: Buffer[]) => p.map((h) => h.toString('hex'));
  return {
    format: 'selter-evidence-bundle/2',
    streamId: 'round-x',
    events,
    checkpoint: { signedBody, signature: signBytes(signer, signedBody).toString('base64') },
    inclusion: { streamVersion: count, leafIndex: indexOf(count), treeSize: leaves.length, path: hex(head) },
    anchors: anchored.map((v, i) => ({ streamVersion: v, leafIndex: indexOf(v), path: hex(paths[i] ?? []) })),
    publicKeyPem: publicKeyPem(signer.publicKey),
  };
}

/** Changes version `from` on and recomputes the chain, as someone with the file could. */
function rewrite(bundle: EvidenceBundle, from: number): EvidenceBundle {
  let prev: Buffer = Buffer.from(bundle.events[from - 2]?.hash ?? GENESIS_HASH.toString('hex'), 'hex');
  const events = bundle.events.map((e) => {
    if (e.streamVersion < from) return e;
    const record = e.record.replace('"n":', '"n":1');
    const hash = chainHash(prev, record);
    const out = { ...e, record, prevHash: prev.toString('hex'), hash: hash.toString('hex') };
    prev = hash;
    return out;
  });
  return { ...bundle, events };
}

describe('verifyBundle (pure, no database)', () => {
  it('verifies a good bundle and reports progress up to every event', () => {
    const seen: number[] = [];
    const verdict = verifyBundle(bundleOf(5000, 1), {
      publicKey: signer.publicKey,
      onProgress: (n) => seen.push(n),
    });
    expect(verdict).toMatchObject({
      ok: true,
      eventsChecked: 5000,
      keyPinned: true,
      checkpoint: { sequence: 4, treeSize: 10_000 },
    });
    expect(seen).toEqual([4096, 5000]);
  });

  it('still reads a format 1 bundle (head proof only, no anchors)', () => {
    const {
      anchors: _anchors,
      inclusion: { streamVersion: _v, ...inclusion },
      ...rest
    } = bundleOf(30, 1);
    const v1: EvidenceBundle = { ...rest, format: 'selter-evidence-bundle/1', inclusion };
    expect(verifyBundle(v1)).toMatchObject({ ok: true, keyPinned: false });
    expect(verifyBundle(rewrite(v1, 12)).problem).toMatchObject({
      code: 'CHECKPOINT_ROOT_MISMATCH',
      streamVersion: 1,
      reason: expect.stringMatching(/somewhere in versions 1\.\.30/),
    });
  });

  it('locates a rewritten chain exactly with an anchor per event, and to an interval with sparser anchors', () => {
    expect(verifyBundle(rewrite(bundleOf(30, 1), 12)).problem).toMatchObject({
      code: 'CHECKPOINT_ROOT_MISMATCH',
      streamVersion: 12,
      reason: expect.stringMatching(/from version 12 on/),
    });
    expect(verifyBundle(rewrite(bundleOf(30, 5), 12)).problem).toMatchObject({
      code: 'CHECKPOINT_ROOT_MISMATCH',
      streamVersion: 11,
      reason: expect.stringMatching(/somewhere in versions 11\.\.15/),
    });
  });

  it('calls a file that is no bundle malformed instead of throwing', () => {
    expect(verifyBundle({ streamId: 'x' } as unknown as EvidenceBundle).problem).toMatchObject({
      code: 'BUNDLE_MALFORMED',
    });
    expect(verifyBundle({ ...bundleOf(3, 1), publicKeyPem: 'nonsense' }).problem).toMatchObject({
      code: 'BUNDLE_MALFORMED',
    });
  });

  it('names every change in one bundle, not only the first, and still checks the checkpoint', () => {
    const b = bundleOf(30, 1);
    const events = [...b.events];
    events[4] = {
      ...(events[4] as (typeof events)[number]),
      record: (events[4]?.record ?? '').replace('"n":4', '"n":44'),
    };
    events.splice(9, 1); // version 10 deleted
    events.splice(15, 2, events[16] as never, events[15] as never); // versions 17 and 18 swapped
    const signature = Buffer.from(b.checkpoint.signature, 'base64');
    signature[0] = ((signature[0] ?? 0) + 1) % 256;
    const verdict = verifyBundle({
      ...b,
      events,
      checkpoint: { ...b.checkpoint, signature: signature.toString('base64') },
    });
    expect(verdict.problems.map((p) => [p.code, p.streamVersion ?? null])).toEqual([
      ['HASH_MISMATCH', 5],
      ['VERSION_GAP', 10],
      ['OUT_OF_ORDER', 17],
      ['CHECKPOINT_SIGNATURE_INVALID', null],
    ]);
    expect(verdict.problems[1]).toMatchObject({ globalPosition: b.events[10]?.globalPosition });
  });

  it('runs the same checks on WebCrypto, with the same verdicts', async () => {
    const good = bundleOf(40, 1);
    const sync = verifyBundle(rewrite(good, 7));
    const webCrypto = await verifyBundleWebCrypto(rewrite(good, 7), globalThis.crypto.subtle);
    expect(webCrypto).toEqual(sync);
    expect(
      await verifyBundleWebCrypto(good, globalThis.crypto.subtle, { expectedKeyId: signer.keyId }),
    ).toMatchObject({ ok: true, keyId: signer.keyId, keyPinned: true, problems: [] });
  });
});
