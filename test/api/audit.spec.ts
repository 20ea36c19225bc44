import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { foldStream } from '@selter/domain';
import {
  CHECKPOINT_REQUESTS_CHANNEL,
  Checkpointer,
  generateSigner,
  latestCheckpoint,
  readStream,
  SigningRefusedError,
  toleranceKey,
  verifyBundle,
  type CheckpointSigner,
  type EvidenceBundle,
} from '@selter/event-store';
import type { Sql } from 'postgres';
import { ApiClient } from './client';
import { AGENCY, JourneyBuilder, sendAll } from './journey';
import { startApiStack, type ApiStack } from './stack';

type Verification = {
  verified: boolean;
  events: number;
  headVersion: number;
  headHash: string;
  firstBadVersion: number | null;
  problems: Array<{ code: string; version: number | null; detail: string }>;
  checkpoint: { sequence: number; size: number; keyFingerprint: string; coveredVersion: number } | null;
};
/** The fields of the domain's fold the view is compared with. */
type FoldedRound = {
  plan: { stages: unknown[] };
  recommendation: unknown;
  stages: unknown[];
  announcement: { announcedOn: string; registrationDeadline: string };
  postIds: string[];
  posts: Record<string, { status: string; deadline: string }>;
};
type StateAt = {
  at: number;
  headVersion: number;
  policy: { id: string } | null;
  event: { version: number; type: string; actor: { role: string } | null };
  state: { status: string; version: number };
};

/** Runs statements as a superuser with every trigger off: what an attacker with the database could do. */
const tamper = (sql: Sql, work: (tx: Sql) => Promise<unknown>) =>
  sql.begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    await work(tx as unknown as Sql);
  });

describe("the auditor's view of a round", () => {
  let stack: ApiStack;
  let api: ApiClient;
  let keyDir: string;
  let signer: CheckpointSigner;
  let checkpointer: Checkpointer;
  // The backbone's part: sign checkpoints one pass at a time, and (when `answering`) when asked.
  let signing = Promise.resolve();
  let answering = false;
  // The tamper case below breaks the log on purpose; the checkpointer then refuses to sign (ADR 18), so
  // the test acknowledges as an operator would, and signing goes on for the other rounds of the store.
  const acknowledged: string[] = [];
  const signOrAcknowledge = async (): Promise<void> => {
    try {
      await checkpointer.checkpoint();
    } catch (error) {
      if (!(error instanceof SigningRefusedError)) throw error;
      acknowledged.push(toleranceKey(error.problem));
      checkpointer.acknowledge(acknowledged, (await latestCheckpoint(stack.sql))?.body.sequence);
      await checkpointer.checkpoint();
    }
  };
  const checkpoint = (): Promise<void> => (signing = signing.then(signOrAcknowledge));
  let unlisten: () => Promise<void>;

  beforeAll(async () => {
    signer = generateSigner();
    keyDir = await mkdtemp(join(tmpdir(), 'selter-audit-'));
    const keyFile = join(keyDir, 'checkpoint.pem');
    await writeFile(keyFile, signer.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), {
      mode: 0o600,
    });
    stack = await startApiStack({ CHECKPOINT_KEY_FILE: keyFile });
    api = new ApiClient(stack.url);
    checkpointer = new Checkpointer(stack.sql, signer);
    const listener = await stack.sql.listen(
      CHECKPOINT_REQUESTS_CHANNEL,
      () => void (answering && checkpoint()),
    );
    unlisten = () => listener.unlisten();
  }, 120_000);
  afterAll(async () => {
    await unlisten?.();
    await stack?.stop();
    if (keyDir) await rm(keyDir, { recursive: true, force: true });
  });

  /** A round announced with two applicants: PlanRound (1) ... RoundAnnounced (4), ApplicantRegistered (5, 6). */
  async function aRound(): Promise<{ roundId: string; localId: string; b: JourneyBuilder }> {
    const localId = `a-${randomUUID().slice(0, 8)}`;
    const b = new JourneyBuilder();
    b.announce().register('dinkes', 2);
    await sendAll(api, localId, b.take());
    return { roundId: `round-${AGENCY}-${localId}`, localId, b };
  }

  const verification = async (roundId: string, user = 'auditor.kabcontoh') => {
    const reply = await api.get<Verification>(user, `/rounds/${roundId}/audit/verification`);
    expect(reply.status).toBe(200);
    return reply.body;
  };

  it('verifies a fresh round: its chain alone before a checkpoint covers it, then proven by the signed checkpoint', async () => {
    const { roundId } = await aRound();
    const before = await verification(roundId);
    expect(before).toMatchObject({
      verified: true,
      events: 6,
      headVersion: 6,
      firstBadVersion: null,
      problems: [],
      checkpoint: null,
    });
    const [head] = await stack.sql<
      Array<{ hash: Buffer }>
    >`select hash from events where stream_id = ${roundId} and stream_version = 6`;
    expect(before.headHash).toBe(head?.hash.toString('hex'));

    await checkpoint();
    const after = await verification(roundId, 'liaison.kasn');
    expect(after).toMatchObject({
      verified: true,
      events: 6,
      problems: [],
      checkpoint: { keyFingerprint: signer.keyId, coveredVersion: 6 },
    });
    expect(after.checkpoint?.size).toBeGreaterThanOrEqual(6);
  });

  it('finds a payload changed in the store and names the first bad version', async () => {
    const { roundId } = await aRound();
    await checkpoint();
    await tamper(
      stack.sql,
      (tx) =>
        tx`update events set record = replace(record, '"letterNumber":"B-1"', '"letterNumber":"B-9"') where stream_id = ${roundId} and stream_version = 3`,
    );
    const report = await verification(roundId, 'admin');
    expect(report).toMatchObject({ verified: false, firstBadVersion: 3 });
    expect(report.problems[0]).toMatchObject({ code: 'HASH_MISMATCH', version: 3 });
  });

  it('shows the round right after any event, as the domain folds the first N stored events', async () => {
    const { roundId, localId } = await aRound();
    const stored = await readStream(stack.sql, roundId);
    const stateAt = (at?: number) =>
      api.get<StateAt>('auditor', `/rounds/${roundId}/audit/state${at === undefined ? '' : `?at=${at}`}`);

    const recommended = await stateAt(3);
    expect(recommended.status).toBe(200);
    expect(recommended.body).toMatchObject({
      at: 3,
      headVersion: 6,
      policy: { id: 'bkn-2024' },
      event: { version: 3, type: 'PlanRecommended', actor: { role: 'oversight' } },
      state: { status: 'recommended', version: 3 },
    });
    // The state is the documented view (RoundStateView), mapped from the domain's fold, not the fold itself.
    const folded = (n: number) =>
      JSON.parse(JSON.stringify(foldStream(stored.slice(0, n)).state)) as FoldedRound;
    const at3 = folded(3);
    expect(recommended.body.state).toEqual(
      expect.objectContaining({
        viewVersion: 1,
        roundId: localId,
        policyId: 'bkn-2024',
        plan: at3.plan,
        stages: at3.plan.stages,
        recommendation: at3.recommendation,
        announcement: null,
        posts: [],
      }),
    );
    expect(recommended.body.state).not.toHaveProperty('postIds');
    const announced = await stateAt(4);
    expect(announced.body).toMatchObject({
      event: { type: 'RoundAnnounced', actor: { role: 'operator' } },
      state: { status: 'announced', version: 4 },
    });
    const at4 = folded(4);
    expect(announced.body.state).toEqual(
      expect.objectContaining({
        viewVersion: 1,
        stages: at4.stages,
        announcement: expect.objectContaining({
          announcedOn: at4.announcement.announcedOn,
          registrationDeadline: at4.announcement.registrationDeadline,
        }),
        posts: at4.postIds.map((id) =>
          expect.objectContaining({
            postId: id,
            status: at4.posts[id]?.status,
            deadline: at4.posts[id]?.deadline,
            applicants: [],
          }),
        ),
      }),
    );
    expect((await stateAt()).body).toMatchObject({ at: 6, event: { type: 'ApplicantRegistered' } });

    for (const at of ['7', '0', 'x']) {
      const outside = await api.get(`operator.${AGENCY}`, `/rounds/${roundId}/audit/state?at=${at}`);
      expect(outside.status).toBe(400);
      expect(outside.body['code']).toBe('REQUEST.INVALID');
    }
  });

  it('exports the evidence bundle as a download, asking for the checkpoint it needs; the offline verifier accepts it', async () => {
    const { roundId, localId, b } = await aRound();
    answering = true;
    const reply = await api.get<EvidenceBundle>('auditor.kabcontoh', `/rounds/${roundId}/audit/bundle`);
    answering = false;
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-disposition')).toBe(`attachment; filename="${roundId}-evidence.json"`);
    expect(reply.body.events).toHaveLength(6);
    expect(verifyBundle(reply.body, { publicKey: signer.publicKey })).toMatchObject({
      ok: true,
      streamId: roundId,
      eventsChecked: 6,
    });

    const file = join(keyDir, `${roundId}-evidence.json`);
    await writeFile(file, JSON.stringify(reply.body));
    const cli = await promisify(execFile)(
      process.execPath,
      ['scripts/run.cjs', 'apps/auditor/src/main.ts', 'verify', file],
      { cwd: resolve(__dirname, '../..') },
    );
    expect(JSON.parse(cli.stdout)).toMatchObject({ ok: true, eventsChecked: 6 });

    // A decision later, nobody signs: 409 with a stable code, and when to retry.
    await sendAll(api, localId, b.register('dinkes', 1).take());
    const late = await api.get(`operator.${AGENCY}`, `/rounds/${roundId}/audit/bundle`);
    expect(late.status).toBe(409);
    expect(late.type).toContain('application/problem+json');
    expect(late.body['code']).toBe('EVENT_STORE.STREAM_NOT_CHECKPOINTED');
    expect(Number(late.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('answers auditors, admin, oversight and the agency operator; its own pansel and PPK read its state only; refuses other agencies', async () => {
    const { roundId } = await aRound();
    for (const user of ['auditor.kabcontoh', 'auditor', 'admin', 'liaison.bkn', `operator.${AGENCY}`]) {
      expect([user, (await api.get(user, `/rounds/${roundId}/audit/verification`)).status]).toEqual([
        user,
        200,
      ]);
    }
    for (const user of ['pansel1.kabcontoh', 'ppk.kabcontoh']) {
      expect([user, (await api.get(user, `/rounds/${roundId}/audit/state?at=1`)).status]).toEqual([
        user,
        200,
      ]);
      for (const what of ['verification', 'bundle']) {
        const reply = await api.get(user, `/rounds/${roundId}/audit/${what}`);
        expect([user, what, reply.status, reply.body['code']]).toEqual([user, what, 403, 'AUTH.FORBIDDEN']);
      }
    }
    for (const user of ['pansel1.kotalain', 'operator.kotalain']) {
      for (const what of ['verification', 'state?at=1', 'bundle']) {
        const reply = await api.get(user, `/rounds/${roundId}/audit/${what}`);
        expect([user, what, reply.status, reply.body['code']]).toEqual([user, what, 403, 'AUTH.FORBIDDEN']);
      }
    }
    const unknown = await api.get(
      'auditor',
      `/rounds/round-${AGENCY}-none-${randomUUID().slice(0, 8)}/audit/verification`,
    );
    expect([unknown.status, unknown.body['code']]).toEqual([404, 'ROUND.NOT_FOUND']);
    expect((await api.raw('GET', `/rounds/${roundId}/audit/state`)).status).toBe(401);
  });
});
