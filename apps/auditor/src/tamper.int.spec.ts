import { createHash, sign } from 'node:crypto';
import {
  chainHash,
  generateSigner,
  publicKeyPem,
  type CheckpointBody,
  type EvidenceBundle,
  type VerifyReport,
} from '@selter/event-store';
import { auditWorld, type AuditWorld } from './audit-world.test-helper';
import { verifyBundleFile } from './bundle-commands';
import { verifyCommand } from './commands';

/** Rewrites the events from `version` on (new data, hashes recomputed): a chain that looks intact. */
function rewriteFrom(bundle: EvidenceBundle, version: number): void {
  let prev: Buffer = Buffer.from(bundle.events[version - 2]?.hash ?? '00'.repeat(32), 'hex');
  for (const e of bundle.events.slice(version - 1)) {
    e.record = e.record.replace('"data":{', '"data":{"forged":true,');
    e.prevHash = prev.toString('hex');
    prev = chainHash(prev, e.record);
    e.hash = prev.toString('hex');
  }
}

describe('auditor: verify an exported bundle, and find every tampering with its position', () => {
  let w: AuditWorld;
  let n: number;
  const problemOf = (file: string, options: Parameters<typeof verifyBundleFile>[1] = {}) => {
    const outcome = verifyBundleFile(file, options);
    expect(outcome.exitCode).toBe(1);
    return (outcome.output as { problem: unknown }).problem;
  };
  beforeAll(async () => {
    w = await auditWorld('auditor_tamper');
    n = w.events.length;
  });
  afterAll(() => w.close());
  const sequence = (): number => (JSON.parse(w.bundle().checkpoint.signedBody) as CheckpointBody).sequence;

  it('a fresh bundle verifies with the key pinned, and says so', () => {
    const outcome = verifyBundleFile(w.file, { publicKey: w.signer.publicKey });
    expect(outcome).toMatchObject({
      exitCode: 0,
      output: { ok: true, streamId: w.streamId, eventsChecked: n, keyId: w.signer.keyId, keyPinned: true },
    });
    expect(verifyBundleFile(w.file, { format: 'text' }).output).toMatch(/VERIFIED[^]*\(the bundle's own/);
  });

  it('a changed payload', () => {
    const file = w.tampered('payload', (b) => {
      const e = b.events[4];
      if (e) e.record = e.record.replace('"data":{', '"data":{"score":100,');
    });
    expect(problemOf(file)).toMatchObject({
      code: 'HASH_MISMATCH',
      streamVersion: 5,
      globalPosition: w.bundle().events[4]?.globalPosition,
    });
    expect(verifyBundleFile(file, { format: 'text' }).output).toMatch(
      /FAILED .* at version 5 \(global position \d+\), 1 problem\(s\):\n {2}HASH_MISMATCH at version 5/,
    );
  });

  it('a deleted event', () => {
    const file = w.tampered('deleted', (b) => void b.events.splice(9, 1));
    expect(problemOf(file)).toMatchObject({
      code: 'VERSION_GAP',
      streamVersion: 10,
      reason: expect.stringMatching(/version 10 is missing/),
    });
  });

  it('a reordered pair', () => {
    const file = w.tampered(
      'reordered',
      (b) => void b.events.splice(11, 2, b.events[12] as never, b.events[11] as never),
    );
    expect(problemOf(file)).toMatchObject({ code: 'OUT_OF_ORDER', streamVersion: 12 });
  });

  it('a reordered pair renumbered to look in order', () => {
    const file = w.tampered('renumbered', (b) => {
      const [a, c] = [b.events[11], b.events[12]];
      if (a && c) b.events.splice(11, 2, { ...c, streamVersion: 12 }, { ...a, streamVersion: 13 });
    });
    expect(problemOf(file)).toMatchObject({ code: 'RECORD_ALTERED', streamVersion: 12 });
  });

  it('a truncated tail', () => {
    const file = w.tampered('truncated', (b) => void b.events.splice(n - 3));
    expect(problemOf(file)).toMatchObject({ code: 'LOG_TRUNCATED', streamVersion: n - 2 });
  });

  it('a truncated tail whose head claim was edited too', () => {
    const file = w.tampered('truncated-head', (b) => {
      b.events.splice(n - 3);
      b.inclusion.streamVersion = n - 3;
    });
    expect(problemOf(file)).toMatchObject({ code: 'CHECKPOINT_ROOT_MISMATCH', streamVersion: n - 3 });
  });

  it('a rewritten suffix with recomputed hashes, caught by the signed Merkle root at the first rewritten version', () => {
    const file = w.tampered('rewritten', (b) => rewriteFrom(b, 20));
    expect(problemOf(file)).toMatchObject({
      code: 'CHECKPOINT_ROOT_MISMATCH',
      streamVersion: 20,
      checkpointSequence: sequence(),
    });
  });

  it('a forged checkpoint: an altered signature, or an altered root under the old signature', () => {
    const badSignature = w.tampered('signature', (b) => {
      const sig = Buffer.from(b.checkpoint.signature, 'base64');
      sig[0] = ((sig[0] ?? 0) + 1) % 256;
      b.checkpoint.signature = sig.toString('base64');
    });
    expect(problemOf(badSignature)).toMatchObject({
      code: 'CHECKPOINT_SIGNATURE_INVALID',
      checkpointSequence: sequence(),
    });
    const badRoot = w.tampered('root', (b) => {
      b.checkpoint.signedBody = b.checkpoint.signedBody.replace(
        /"rootHash":"[0-9a-f]+"/,
        `"rootHash":"${createHash('sha256').update('forged').digest('hex')}"`,
      );
    });
    expect(problemOf(badRoot)).toMatchObject({
      code: 'CHECKPOINT_SIGNATURE_INVALID',
      checkpointSequence: sequence(),
    });
  });

  it("a forged checkpoint signed with another key: refused against the key's own id, and against the pinned key", () => {
    const intruder = generateSigner();
    const resign = (b: EvidenceBundle, withKey: boolean): void => {
      const body = { ...(JSON.parse(b.checkpoint.signedBody) as CheckpointBody), keyId: intruder.keyId };
      b.checkpoint.signedBody = JSON.stringify(body);
      b.checkpoint.signature = sign(null, Buffer.from(b.checkpoint.signedBody), intruder.privateKey).toString(
        'base64',
      );
      if (withKey) b.publicKeyPem = publicKeyPem(intruder.publicKey);
    };
    expect(problemOf(w.tampered('foreign-key', (b) => resign(b, false)))).toMatchObject({
      code: 'CHECKPOINT_SIGNATURE_INVALID',
    });
    // The whole history rewritten and re-signed by a key of the forger's own: self-consistent, so only
    // a key obtained elsewhere tells it apart.
    const forged = w.tampered('forged-all', (b) => {
      rewriteFrom(b, 1);
      resign(b, true);
    });
    expect(problemOf(forged, { publicKey: w.signer.publicKey })).toMatchObject({ code: 'KEY_MISMATCH' });
    expect(problemOf(forged, { expectedKeyId: w.signer.keyId })).toMatchObject({ code: 'KEY_MISMATCH' });
  });

  // Last: it tampers the store itself (the bundle files above were exported before).
  it('`verify` on the store lists every change, each with stream, version and global position', async () => {
    const neighbour = 'round-kab-gowa-2024-1';
    const rows = await w.sql<
      Array<{ k: string; p: string }>
    >`select stream_id || '@' || stream_version as k, global_position::text as p from events`;
    const at = Object.fromEntries(rows.map((r) => [r.k, r.p]));
    const last = Math.max(
      ...rows.filter((r) => r.k.startsWith(`${neighbour}@`)).map((r) => Number(r.k.split('@')[1])),
    );
    await w.sql.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      await tx`update events set record = replace(record, '"data":{', '"data":{"score":100,') where stream_id = ${w.streamId} and stream_version = 5`;
      await tx`delete from events where stream_id = ${w.streamId} and stream_version = 9`;
      await tx`delete from events where stream_id = ${neighbour} and stream_version > ${last - 2}`;
    });
    const outcome = await verifyCommand(w.sql, [w.signer.publicKey]);
    expect(outcome.exitCode).toBe(1);
    expect((outcome.output as VerifyReport).problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'HASH_MISMATCH',
          streamId: w.streamId,
          streamVersion: 5,
          globalPosition: at[`${w.streamId}@5`],
        }),
        expect.objectContaining({
          code: 'VERSION_GAP',
          streamId: w.streamId,
          streamVersion: 9,
          globalPosition: at[`${w.streamId}@9`],
        }),
        expect.objectContaining({
          code: 'LOG_TRUNCATED',
          streamId: neighbour,
          streamVersion: last - 1,
          globalPosition: at[`${neighbour}@${last - 1}`],
        }),
      ]),
    );
  });
});
