import { randomUUID } from 'node:crypto';
// The API's own watcher, given a lower bound than the API runs with (a spec cannot start 1000 reads cheaply).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ProjectionWatermark } from '../../apps/api/src/rounds/read-after/projection-watermark';
import { useApiStack } from './client';
import { JourneyBuilder, send, sendAll } from './journey';

type RoundBody = { posts: Array<{ postId: string; applicants: number }> };
type Problem = {
  code: string;
  details?: { roundId: string; minVersion: number; projectedVersion: number };
  errors?: Array<{ path: string }>;
};

/** Read your writes (ADR 23): a read with `minVersion` answers once the read models show that version. */
describe('reads with minVersion after a decision', () => {
  const under = useApiStack();
  const localId = `ryw-${randomUUID().slice(0, 8)}`;
  const roundId = `round-kabcontoh-${localId}`;
  const b = new JourneyBuilder();
  let version = 0;

  beforeAll(async () => {
    b.announce();
    await sendAll(under.api, localId, b.take());
  }, 60_000);

  it('answers the new state right after each of 100 decisions: no stale read', async () => {
    const { api } = under;
    b.register('dinkes', 100);
    const commands = b.take();
    expect(commands).toHaveLength(100);
    const stale: string[] = [];
    for (const [i, command] of commands.entries()) {
      const decided = await send(api, localId, command);
      expect(decided.status).toBe(200);
      version = Number(decided.body['version']);
      expect(version).toBeGreaterThan(0);
      const read = await api.get<RoundBody>('operator.kabcontoh', `/rounds/${roundId}?minVersion=${version}`);
      expect(read.status).toBe(200);
      const applicants = read.body.posts.find((p) => p.postId === 'dinkes')?.applicants;
      if (applicants !== i + 1)
        stale.push(`after decision ${i + 1} (version ${version}): ${applicants} applicants`);
    }
    expect(stale).toEqual([]);
  }, 240_000);

  it('serves the other read models with minVersion too: applicants, timeline, the round list', async () => {
    const { api } = under;
    const register = b.register('dinkes', 1).take();
    const decided = await send(api, localId, register[0]!);
    const v = Number(decided.body['version']);
    const applicants = await api.get<{ applicants: unknown[] }>(
      'operator.kabcontoh',
      `/rounds/${roundId}/posts/dinkes/applicants?minVersion=${v}`,
    );
    expect(applicants.body.applicants).toHaveLength(101);
    const timeline = await api.get<{ events: Array<{ version: number }> }>(
      'operator.kabcontoh',
      `/rounds/${roundId}/timeline?minVersion=${v}&fromVersion=${v}`,
    );
    expect(timeline.status).toBe(200);
    expect(timeline.body.events.map((e) => e.version)).toContain(v);
    const listed = await api.get<{ rounds: Array<{ id: string }> }>(
      'operator.kabcontoh',
      `/rounds?minVersion=${v}&minVersionRound=${roundId}`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.rounds.map((r) => r.id)).toContain(roundId);
    version = v;
  }, 60_000);

  it('answers 409 READ.NOT_YET_PROJECTED with the projected version and Retry-After within the bound for a version far ahead', async () => {
    const started = Date.now();
    const read = await under.api.get<Problem>(
      'operator.kabcontoh',
      `/rounds/${roundId}?minVersion=${version + 1000}`,
    );
    const took = Date.now() - started;
    expect(read.status).toBe(409);
    expect(read.type).toContain('application/problem+json');
    expect(read.headers.get('retry-after')).toBe('1');
    expect(read.body.code).toBe('READ.NOT_YET_PROJECTED');
    expect(read.body.details).toEqual({ roundId, minVersion: version + 1000, projectedVersion: version });
    expect(took).toBeGreaterThanOrEqual(1_900);
    expect(took).toBeLessThan(3_500);
  }, 30_000);

  it('bounds the reads waiting at once in a process; one shared re-read settles them all', async () => {
    // The API's own watcher on the services' connection, with 50 waiters at most.
    const watermark = new ProjectionWatermark(under.stack.appSql, { waitMs: 1_000, maxWaiters: 50 });
    const far = version + 1000;
    const waits = Array.from({ length: 50 }, () => watermark.waitFor(roundId, far));
    expect(watermark.waiting).toBe(50);
    expect(await watermark.waitFor(roundId, far)).toEqual({ reached: 'busy' });
    const outcomes = await Promise.all(waits);
    expect(outcomes.filter((o) => o.reached !== false || o.projectedVersion !== version)).toEqual([]);
    expect(watermark.waiting).toBe(0);
    expect(await watermark.waitFor(roundId, version)).toEqual({ reached: true, projectedVersion: version });
    await watermark.onModuleDestroy();
  }, 30_000);

  it('refuses a malformed minVersion, and one without its round on a route that spans rounds, naming the field', async () => {
    const { api } = under;
    const bad = await api.get<Problem>('operator.kabcontoh', `/rounds/${roundId}?minVersion=soon`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.path)).toEqual(['minVersion']);
    const unnamed = await api.get<Problem>('operator.kabcontoh', `/rounds?minVersion=3`);
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors?.map((e) => e.path)).toEqual(['minVersionRound']);
  });

  it('checks read access before waiting, and wants a signed-in caller on the public page', async () => {
    const other = await under.api.get<Problem>(
      'operator.kotalain',
      `/rounds/${roundId}?minVersion=${version + 1000}`,
    );
    expect(other.status).toBe(403);
    const anonymous = await under.api.raw<Problem>(
      'GET',
      `/public/agencies/kabcontoh/rounds?minVersion=1&minVersionRound=${roundId}`,
    );
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'AUTH.UNAUTHENTICATED']);
    const signedIn = await under.api.raw(
      'GET',
      `/public/agencies/kabcontoh/rounds?minVersion=1&minVersionRound=${roundId}`,
      { token: await under.api.token('operator.kabcontoh') },
    );
    expect(signedIn.status).toBe(200);
  });
});
