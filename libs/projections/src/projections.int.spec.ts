import { randomUUID } from 'node:crypto';
import postgres, { type Sql } from 'postgres';
import {
  appendToStream,
  EVENT_STORE_MIGRATIONS,
  loadMigrations,
  migrate,
  type NewEvent,
} from '@selter/event-store';
import { createTestDatabase } from '@selter/testing';
import {
  applyBatch,
  createProjectionRunner,
  projectionsMigrations,
  rebuild,
  ROUND_READ_MODELS,
  applicantsReadModel,
  roundsReadModel,
} from './index';

const actor = { id: 'pansel-1', role: 'pansel' };
const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  eventId: randomUUID(),
  type,
  data: { at: '2024-08-01T09:00:00+07:00', ...data },
  metadata: { actor, correlationId: 'c' },
  recordedAt: new Date().toISOString(),
});
const plan = {
  name: 'Seleksi',
  agency: { name: 'Pemprov' },
  posts: [
    { postId: 'p1', title: 'Kadis', kind: 'regular' },
    { postId: 'p2', title: 'Sekda', kind: 'sekda' },
  ],
};
const register = (postId: string, n: number) =>
  Array.from({ length: n }, (_, i) =>
    event('ApplicantRegistered', {
      postId,
      applicantId: `${postId}-a${i}`,
      applicant: { name: `A${i}`, nip: `${i}` },
      invited: false,
      conflictedMembers: [],
    }),
  );

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const dump = async (sql: Sql) => ({
  rounds: await sql`select * from rm_round_posts order by round_id, post_id`,
  applicants: await sql`select * from rm_post_applicants order by round_id, post_id, applicant_id`,
  timeline: await sql`select * from rm_round_timeline order by round_id, stream_version`,
});

describe('projection runner on PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let sql: Sql;

  beforeAll(async () => {
    db = await createTestDatabase('projections');
    sql = postgres(db.url, { max: 6, onnotice: () => undefined });
    await migrate(sql, [
      ...loadMigrations('event-store', EVENT_STORE_MIGRATIONS),
      ...projectionsMigrations(),
    ]);
    for (const round of ['round-a', 'round-b']) {
      await appendToStream(sql, round, 'no_stream', [
        event('RoundPlanned', { plan }),
        event('PlanSubmittedForRecommendation', { to: 'KASN' }),
        event('PlanRecommended', { issuedBy: 'KASN', letterNumber: 'L1' }),
        event('RoundAnnounced', { registrationDeadline: '2024-08-20' }),
      ]);
    }
  });
  afterAll(async () => {
    await sql.end();
    await db.drop();
  });

  it('projects committed events once, even with two runners catching up at the same time', async () => {
    await appendToStream(sql, 'round-a', 4, register('p1', 30));
    const runners = [
      createProjectionRunner(sql, ROUND_READ_MODELS, { batchSize: 7 }),
      createProjectionRunner(sql, ROUND_READ_MODELS, { batchSize: 7 }),
    ];
    await Promise.all(runners.map((r) => r.catchUp()));
    const [p1] = await sql<
      { applicants: number; post_status: string }[]
    >`select applicants, post_status from rm_round_posts where round_id = 'round-a' and post_id = 'p1'`;
    expect(p1).toEqual({ applicants: 30, post_status: 'registration' });
    const [count] = await sql<{ n: string }[]>`select count(*)::text as n from rm_post_applicants`;
    expect(count?.n).toBe('30');
    const [{ n: timeline } = { n: '' }] = await sql<
      { n: string }[]
    >`select count(*)::text as n from rm_round_timeline`;
    expect(timeline).toBe('38');
    expect(await runners[0]?.catchUp()).toBe(0);
  });

  it('follows appends live, woken by NOTIFY', async () => {
    const runner = createProjectionRunner(sql, ROUND_READ_MODELS, { pollMs: 60_000 });
    await runner.start();
    try {
      await appendToStream(sql, 'round-b', 4, [
        ...register('p2', 3),
        event('PostCancelled', { postId: 'p1', reason: 'merged' }),
      ]);
      const row = await waitFor('round-b to be projected', async () => {
        const [r] = await sql<
          { applicants: number }[]
        >`select applicants from rm_round_posts where round_id = 'round-b' and post_id = 'p2' and applicants = 3`;
        return r;
      });
      expect(row.applicants).toBe(3);
      const [p1] = await sql<
        { post_status: string }[]
      >`select post_status from rm_round_posts where round_id = 'round-b' and post_id = 'p1'`;
      expect(p1?.post_status).toBe('cancelled');
    } finally {
      await runner.stop();
    }
  });

  it('rebuilds two models from zero to the same rows, reporting progress', async () => {
    const runner = createProjectionRunner(sql, ROUND_READ_MODELS);
    await runner.catchUp();
    const before = await dump(sql);
    await sql`update rm_round_posts set applicants = -1`; // damage a model: rebuild must repair it
    const progress: number[] = [];
    const rebuilder = createProjectionRunner(sql, [roundsReadModel, applicantsReadModel]);
    const result = await rebuilder.rebuild((p) => progress.push(p.events));
    expect(result.done).toBe(true);
    expect(result.events).toBe(42);
    expect(progress[progress.length - 1]).toBe(42);
    expect(await dump(sql)).toEqual(before);
  });

  it('rebuilds every model through many small flushes, dropping streams from memory and reloading them', async () => {
    await createProjectionRunner(sql, ROUND_READ_MODELS).catchUp();
    const before = await dump(sql);
    const result = await rebuild(sql, ROUND_READ_MODELS, { batchSize: 4, flushEvery: 5, maxCachedRows: 1 });
    expect(result.events).toBe(42);
    expect(await dump(sql)).toEqual(before);
  });

  it('finishes a rebuild that another runner writes into from where that runner left the checkpoints', async () => {
    await createProjectionRunner(sql, ROUND_READ_MODELS).catchUp();
    const before = await dump(sql);
    let other: Promise<unknown> | undefined;
    const result = await rebuild(sql, ROUND_READ_MODELS, {
      batchSize: 3,
      flushEvery: 3,
      onProgress: (p) => {
        if (p.events >= 9) other ??= applyBatch(sql, ROUND_READ_MODELS, 5);
      },
    });
    await other;
    expect(result.done).toBe(true);
    expect(await dump(sql)).toEqual(before);
  });

  // Last: the refused event stays in the shared log and blocks every later batch.
  it('refuses, without projecting anything, a batch holding a round event from a future schema version', async () => {
    await createProjectionRunner(sql, ROUND_READ_MODELS).catchUp();
    const future = {
      ...event('RoundPlanned', {
        plan: { ...plan, posts: [{ postId: 'p9', title: 'Baru', kind: 'regular' }] },
      }),
      schemaVersion: 2,
    };
    await appendToStream(sql, 'round-z', 'no_stream', [future]);
    await expect(applyBatch(sql, ROUND_READ_MODELS, 100)).rejects.toThrow(
      /RoundPlanned is stored at schema version 2; this code reads up to version 1/,
    );
    expect(await sql`select * from rm_round_posts where round_id = 'round-z'`).toHaveLength(0);
  });
});
