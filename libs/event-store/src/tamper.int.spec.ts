import type { Sql } from 'postgres';
import { appendToStream } from './append';
import { exportBundle } from './bundle';
import { verifyBundle } from './bundle-verify-node';
import { Checkpointer } from './checkpoint';
import type { SignedCheckpoint } from './checkpoint-format';
import { checkpointsConsistent, proveConsistency } from './consistency';
import { chainHash } from './hash-chain';
import { readStream } from './read';
import { generateSigner, type CheckpointSigner } from './signing';
import { event, freshStore } from './store.test-helper';
import { verifyStore } from './verify';
import { verifyStream } from './stream-verify';

// Each case builds a small log (three streams, interleaved), takes a signed checkpoint held
// "outside" (the returned object), then tampers as a database superuser would, triggers off.
interface World {
  store: Awaited<ReturnType<typeof freshStore>>;
  signer: CheckpointSigner;
  checkpoint: SignedCheckpoint;
  position: (stream: string, version: number) => Promise<string>;
}

async function world(): Promise<World> {
  const store = await freshStore();
  const signer = generateSigner();
  for (let i = 1; i <= 6; i += 1) {
    await appendToStream(store.sql, 'round-a', i - 1 || 'no_stream', [
      event('StageResultRecorded', { nip: `A${i}`, score: 70 + i }),
    ]);
    if (i <= 4)
      await appendToStream(store.sql, 'round-b', i - 1 || 'no_stream', [
        event('StageResultRecorded', { nip: `B${i}`, score: 60 + i }),
      ]);
    if (i <= 3)
      await appendToStream(store.sql, 'round-c', i - 1 || 'no_stream', [
        event('StageResultRecorded', { nip: `C${i}`, score: 50 + i }),
      ]);
  }
  const checkpoint = (await new Checkpointer(store.sql, signer).checkpoint()) as SignedCheckpoint;
  const position = async (stream: string, version: number): Promise<string> =>
    (
      await store.sql`select global_position::text as p from events where stream_id = ${stream} and stream_version = ${version}`
    )[0]?.p as string;
  return { store, signer, checkpoint, position };
}

/** Runs statements as a superuser with every trigger off: what an attacker with the database could do. */
const tamper = (sql: Sql, work: (tx: Sql) => Promise<unknown>) =>
  sql.begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    await work(tx as unknown as Sql);
  });

/** Rewrites a stream from `version` on with new data and recomputed hashes (a valid-looking chain). */
async function rewriteSuffix(sql: Sql, stream: string, fromVersion: number): Promise<void> {
  const events = await readStream(sql, stream);
  let prev = events[fromVersion - 2]?.hash as Buffer;
  for (const e of events.slice(fromVersion - 1)) {
    const record = e.record.replace(/"score":\d+/, '"score":99');
    const hash = chainHash(prev, record);
    await tamper(
      sql,
      (tx) =>
        tx`update events set record = ${record}, prev_hash = ${prev}, hash = ${hash} where event_id = ${e.eventId}`,
    );
    prev = hash;
  }
}

/** Swaps two events' contents between their places in the log (a reordered pair, hashes intact). */
const swap = (sql: Sql, first: string, second: string) =>
  tamper(sql, async (tx) => {
    const cols = 'stream_version, event_id, type, schema_version, recorded_at, record, prev_hash, hash';
    await tx.unsafe(
      `create temp table swap as select global_position, ${cols} from events where global_position in (${first}, ${second})`,
    );
    await tx.unsafe(
      `update events set event_id = gen_random_uuid(), stream_version = stream_version + 1000 where global_position in (${first}, ${second})`,
    );
    await tx.unsafe(
      `update events e set (${cols}) = (select ${cols} from swap s where s.global_position = case when e.global_position = ${first} then ${second} else ${first} end) where e.global_position in (${first}, ${second})`,
    );
  });

describe('tamper evidence: six changes at once, each named in its own round', () => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  let signer: CheckpointSigner;
  const at: Record<string, string> = {};
  const rounds = [
    'round-payload',
    'round-deleted',
    'round-reordered',
    'round-cut',
    'round-rewritten',
    'round-untouched',
  ];
  beforeAll(async () => {
    store = await freshStore();
    signer = generateSigner();
    for (let v = 1; v <= 6; v += 1) {
      for (const r of rounds)
        await appendToStream(store.sql, r, v - 1 || 'no_stream', [
          event('StageResultRecorded', { nip: `${r}-${v}`, score: 70 + v }),
        ]);
    }
    await new Checkpointer(store.sql, signer).checkpoint();
    // A round that grew after the checkpoint, and a second checkpoint over it that is then forged.
    await appendToStream(store.sql, 'round-later', 'no_stream', [
      event('StageResultRecorded', { nip: 'L1', score: 80 }),
    ]);
    await new Checkpointer(store.sql, signer).checkpoint();
    for (const row of await store.sql<
      Array<{ k: string; p: string }>
    >`select stream_id || '@' || stream_version as k, global_position::text as p from events`)
      at[row.k] = row.p;
    await tamper(store.sql, async (tx) => {
      await tx`update events set record = replace(record, '"score":73', '"score":93') where stream_id = 'round-payload' and stream_version = 3`;
      await tx`delete from events where stream_id = 'round-deleted' and stream_version = 3`;
      await tx`delete from events where stream_id = 'round-cut' and stream_version >= 4`;
      await tx`update event_checkpoints set signature = set_byte(signature, 0, (get_byte(signature, 0) + 1) % 256) where sequence = 2`;
    });
    await swap(store.sql, at['round-reordered@2'] as string, at['round-reordered@3'] as string);
    await rewriteSuffix(store.sql, 'round-rewritten', 3);
  });
  afterAll(() => store.close());
  const where = (stream: string, version: number) => ({
    streamVersion: version,
    globalPosition: at[`${stream}@${version}`],
  });

  it("each round's verification names its own problem, with version and global position; the others verify", async () => {
    const verdicts = Object.fromEntries(
      await Promise.all(
        rounds.map(async (r) => [r, await verifyStream(store.sql, r, signer.publicKey)] as const),
      ),
    );
    expect(verdicts['round-payload']?.problems).toEqual([
      expect.objectContaining({ code: 'HASH_MISMATCH', ...where('round-payload', 3) }),
    ]);
    expect(verdicts['round-deleted']?.problems).toEqual([
      expect.objectContaining({ code: 'VERSION_GAP', ...where('round-deleted', 3), checkpointSequence: 1 }),
    ]);
    expect(verdicts['round-reordered']?.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'OUT_OF_ORDER',
          streamVersion: 3,
          globalPosition: at['round-reordered@2'],
        }),
      ]),
    );
    expect(verdicts['round-cut']?.problems).toEqual([
      expect.objectContaining({
        code: 'LOG_TRUNCATED',
        ...where('round-cut', 4),
        reason: expect.stringMatching(/versions 4\.\.6/),
      }),
    ]);
    expect(verdicts['round-rewritten']?.problems).toEqual([
      expect.objectContaining({ code: 'CHECKPOINT_ROOT_MISMATCH', ...where('round-rewritten', 3) }),
    ]);
    expect(verdicts['round-untouched']).toMatchObject({
      ok: true,
      problems: [],
      checkpoint: { sequence: 1, coveredVersion: 6 },
    });
    for (const verdict of Object.values(verdicts)) {
      // The forged checkpoint is the store's status, reported apart, and fails no round.
      expect(verdict.store).toMatchObject({
        ok: false,
        latestSequence: 2,
        provenWith: 1,
        problems: [expect.objectContaining({ code: 'CHECKPOINT_SIGNATURE_INVALID', checkpointSequence: 2 })],
      });
    }
  });

  it('verifyStore lists every one of them with stream, version and global position', async () => {
    const report = await verifyStore(store.sql, { publicKeys: [signer.publicKey] });
    expect(report.ok).toBe(false);
    const named = (stream: string, code: string, version: number, globalPosition?: string) =>
      expect.objectContaining({
        code,
        streamId: stream,
        streamVersion: version,
        globalPosition: globalPosition ?? at[`${stream}@${version}`],
      });
    expect(report.problems).toEqual(
      expect.arrayContaining([
        named('round-payload', 'HASH_MISMATCH', 3),
        named('round-deleted', 'VERSION_GAP', 3),
        named('round-reordered', 'OUT_OF_ORDER', 3, at['round-reordered@2']),
        named('round-cut', 'LOG_TRUNCATED', 4),
        named('round-rewritten', 'CHECKPOINT_ROOT_MISMATCH', 3),
        expect.objectContaining({ code: 'CHECKPOINT_SIGNATURE_INVALID', checkpointSequence: 2 }),
      ]),
    );
    expect(report.problems.filter((p) => p.streamId === 'round-untouched')).toEqual([]);
  });

  it("every round's bundle exports, and an untouched round's verifies offline", async () => {
    expect(
      verifyBundle(await exportBundle(store.sql, 'round-untouched', signer), { publicKey: signer.publicKey }),
    ).toMatchObject({ ok: true, problems: [] });
    const cut = verifyBundle(await exportBundle(store.sql, 'round-cut', signer), {
      publicKey: signer.publicKey,
    });
    expect(cut.problems).toEqual([
      expect.objectContaining({
        code: 'LOG_TRUNCATED',
        ...where('round-cut', 4),
        reason: expect.stringContaining(`global position ${at['round-cut@6']}`),
      }),
    ]);
    const rewritten = verifyBundle(await exportBundle(store.sql, 'round-rewritten', signer), {
      publicKey: signer.publicKey,
    });
    expect(rewritten.problems).toEqual([
      expect.objectContaining({ code: 'CHECKPOINT_ROOT_MISMATCH', ...where('round-rewritten', 3) }),
    ]);
  });
});

describe('tamper evidence: verify finds each alteration and says where', () => {
  let w: World;
  beforeEach(async () => (w = await world()));
  afterEach(() => w.store.close());
  const verify = (trusted: SignedCheckpoint[] = []) =>
    verifyStore(w.store.sql, { publicKeys: [w.signer.publicKey], trusted });

  it('an untouched log verifies', async () => {
    expect(await verify([w.checkpoint])).toEqual({
      ok: true,
      eventsChecked: 13,
      streamsChecked: 3,
      checkpointsChecked: 2,
      problems: [],
    });
  });

  it('a truncated tail at the end of the log, against the checkpoint and the leaves it signed', async () => {
    const cut = [await w.position('round-a', 6), await w.position('round-a', 5)];
    await tamper(
      w.store.sql,
      (tx) =>
        tx`delete from events where global_position in (select global_position from events order by transaction_id desc, global_position desc limit 2)`,
    );
    const report = await verify();
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'LOG_TRUNCATED', checkpointSequence: 1 }),
        expect.objectContaining({
          code: 'LOG_TRUNCATED',
          streamId: 'round-a',
          streamVersion: 5,
          globalPosition: cut[1],
        }),
      ]),
    );
  });

  it('a rewritten suffix whose stored checkpoints were deleted too, against the copy held outside', async () => {
    await rewriteSuffix(w.store.sql, 'round-b', 3);
    await tamper(w.store.sql, (tx) => tx`delete from event_checkpoints`);
    expect((await verify()).ok).toBe(true); // the database alone can no longer tell...
    expect((await verify([w.checkpoint])).problem).toMatchObject({
      code: 'TRUSTED_CHECKPOINT_MISMATCH',
      checkpointSequence: 1,
    }); // ...the outside copy can
  });

  it('a forged checkpoint signature, or a checkpoint signed by an untrusted key', async () => {
    await tamper(
      w.store.sql,
      (tx) =>
        tx`update event_checkpoints set signature = set_byte(signature, 0, (get_byte(signature, 0) + 1) % 256)`,
    );
    expect((await verify()).problem).toMatchObject({
      code: 'CHECKPOINT_SIGNATURE_INVALID',
      checkpointSequence: 1,
    });
    const intruder = generateSigner();
    await tamper(w.store.sql, (tx) => tx`delete from event_checkpoints`);
    await new Checkpointer(w.store.sql, intruder).checkpoint();
    expect((await verify()).problem).toMatchObject({
      code: 'CHECKPOINT_SIGNATURE_INVALID',
      checkpointSequence: 1,
    });
  });

  it('a forged inclusion proof, or an altered event in an exported bundle', async () => {
    const bundle = await exportBundle(w.store.sql, 'round-a', w.signer);
    expect(verifyBundle(JSON.parse(JSON.stringify(bundle)), w.signer.keyId)).toMatchObject({
      ok: true,
      keyId: w.signer.keyId,
      eventsChecked: 6,
    });
    const forgedPath = {
      ...bundle,
      inclusion: {
        ...bundle.inclusion,
        path: bundle.inclusion.path.map((h, i) => (i === 0 ? 'ff'.repeat(32) : h)),
      },
    };
    expect(verifyBundle(forgedPath)).toMatchObject({
      ok: false,
      problem: { code: 'CHECKPOINT_ROOT_MISMATCH', streamVersion: 6 },
    });
    const wrongLeaf = {
      ...bundle,
      inclusion: {
        ...bundle.inclusion,
        leafIndex: (bundle.inclusion.leafIndex + 1) % bundle.inclusion.treeSize,
      },
    };
    expect(verifyBundle(wrongLeaf).ok).toBe(false);
    const altered = {
      ...bundle,
      events: bundle.events.map((e, i) =>
        i === 2 ? { ...e, record: e.record.replace('"score":73', '"score":93') } : e,
      ),
    };
    expect(verifyBundle(altered)).toMatchObject({
      ok: false,
      problem: { code: 'HASH_MISMATCH', streamVersion: 3 },
    });
    expect(verifyBundle(bundle, 'another-key').ok).toBe(false);
  });

  it('two checkpoints that are not consistent with each other', async () => {
    await appendToStream(w.store.sql, 'round-c', 3, [event('StageResultRecorded', { nip: 'C4', score: 54 })]);
    const later = (await new Checkpointer(w.store.sql, w.signer).checkpoint()) as SignedCheckpoint;
    const honest = await proveConsistency(w.store.sql, w.checkpoint.body.treeSize, later.body.treeSize);
    expect(checkpointsConsistent(w.checkpoint, later, honest)).toBe(true);
    // An insider with the key rewrites history and signs a new checkpoint over it.
    await rewriteSuffix(w.store.sql, 'round-a', 2);
    await tamper(w.store.sql, (tx) => tx`delete from event_checkpoints`);
    const forged = (await new Checkpointer(w.store.sql, w.signer).checkpoint()) as SignedCheckpoint;
    const proof = await proveConsistency(w.store.sql, w.checkpoint.body.treeSize, forged.body.treeSize);
    expect(checkpointsConsistent(w.checkpoint, forged, proof)).toBe(false);
    expect((await verify([w.checkpoint, forged])).problem).toMatchObject({
      code: 'TRUSTED_CHECKPOINT_MISMATCH',
      checkpointSequence: 1,
    });
  });
});
