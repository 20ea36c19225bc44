import { randomUUID } from 'node:crypto';
import { anApplicant, nipOf } from '@selter/domain/testing';
import { ApiClient, type Reply } from './client';
import { JourneyBuilder, sendAll } from './journey';
import { startApiStack, type ApiStack } from './stack';

function expectProblem(reply: Reply, status: number, code: string): void {
  expect({ status: reply.status, code: reply.body['code'] }).toEqual({ status, code });
  expect(reply.type).toContain('application/problem+json');
  expect(reply.body).not.toHaveProperty('stack');
}

describe('API bad input', () => {
  let stack: ApiStack;
  let api: ApiClient;
  const localId = `b-${randomUUID().slice(0, 8)}`;
  const roundId = `round-kabcontoh-${localId}`;
  const decision = (type: string) => `/rounds/${roundId}/decisions/${type}`;
  const register = (n: number) => ({
    postId: 'dinkes',
    applicantId: `dinkes-x${n}`,
    applicant: anApplicant(nipOf(100 + n)),
  });
  const count = async (type: string): Promise<number> =>
    (
      await stack.sql<
        [{ n: number }]
      >`select count(*)::int as n from events where stream_id = ${roundId} and type = ${type}`
    )[0].n;

  beforeAll(async () => {
    stack = await startApiStack();
    api = new ApiClient(stack.url);
    const b = new JourneyBuilder();
    b.announce().register('dinkes', 3);
    await sendAll(api, localId, b.take());
    await api.setClock('2024-09-12');
  }, 120_000);
  afterAll(() => stack?.stop());

  it('answers missing, malformed, mistyped and unknown fields with REQUEST.INVALID naming each', async () => {
    const missing = await api.post('operator.kabcontoh', decision('RegisterApplicant'), {
      postId: 'dinkes',
      applicantId: 'x',
    });
    expectProblem(missing, 400, 'REQUEST.INVALID');
    expect(missing.body['errors']).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'applicant' })]),
    );
    const typed = await api.post('operator.kabcontoh', decision('CloseRegistration'), { postId: 5 });
    expectProblem(typed, 400, 'REQUEST.INVALID');
    expect(typed.body['errors']).toEqual([expect.objectContaining({ path: 'postId' })]);
    expectProblem(
      await api.post('operator.kabcontoh', decision('CloseRegistration'), { postId: 'dinkes', extra: true }),
      400,
      'REQUEST.INVALID',
    );
    expectProblem(
      await api.post('operator.kabcontoh', decision('RegisterApplicant'), {
        ...register(1),
        applicant: { ...anApplicant('1'), dateOfBirth: '1975-02-30' },
      }),
      400,
      'REQUEST.INVALID',
    );
    expectProblem(
      await api.post('operator.kabcontoh', '/rounds', { roundId: 'Bad Id', plan: 'x' }),
      400,
      'REQUEST.INVALID',
    );
    expectProblem(
      await api.raw('POST', decision('CloseRegistration'), {
        token: await api.token('operator.kabcontoh'),
        rawBody: '{"postId":',
      }),
      400,
      'REQUEST.INVALID',
    );
    expectProblem(
      await api.post('operator.kabcontoh', `/rounds/${roundId}/decisions/FlipCoin`, {}),
      400,
      'REQUEST.INVALID',
    );
    expectProblem(await api.get('operator.kabcontoh', '/rounds/not-a-round-id'), 400, 'REQUEST.INVALID');
    expectProblem(
      await api.get('operator.kabcontoh', `/rounds/${roundId}/timeline?limit=abc`),
      400,
      'REQUEST.INVALID',
    );
    expectProblem(
      await api.raw('POST', decision('CloseRegistration'), {
        token: await api.token('operator.kabcontoh'),
        body: { postId: 'dinkes' },
        key: 'bad key with spaces',
      }),
      400,
      'REQUEST.INVALID',
    );
  });

  it('refuses an oversize body with REQUEST.TOO_LARGE', async () => {
    const reply = await api.post('operator.kabcontoh', decision('CancelRound'), {
      reason: 'x'.repeat(80_000),
    });
    expectProblem(reply, 413, 'REQUEST.TOO_LARGE');
  });

  it('answers unknown rounds, posts and routes with 404 and a stable code', async () => {
    expectProblem(
      await api.post(
        'operator.kabcontoh',
        `/rounds/round-kabcontoh-nope-${localId}/decisions/CloseRegistration`,
        { postId: 'dinkes' },
      ),
      404,
      'ROUND.NOT_FOUND',
    );
    expectProblem(
      await api.post(
        'pansel1.kabcontoh',
        `/rounds/round-kabcontoh-nope-${localId}/decisions/PublishStageResults`,
        { postId: 'dinkes', stageId: 'admin' },
      ),
      404,
      'ROUND.NOT_FOUND',
    );
    expectProblem(
      await api.post('operator.kabcontoh', decision('RegisterApplicant'), {
        ...register(2),
        postId: 'no-such-post',
      }),
      404,
      'POST.UNKNOWN',
    );
    expectProblem(
      await api.get('operator.kabcontoh', `/rounds/${roundId}/posts/no-such-post/applicants`),
      404,
      'POST.UNKNOWN',
    );
    expectProblem(await api.get('operator.kabcontoh', '/no/such/route'), 404, 'REQUEST.NOT_FOUND');
  });

  it('refuses decisions out of order with the domain code and reason in Bahasa Indonesia and English', async () => {
    const early = await api.post('pansel1.kabcontoh', decision('PublishStageResults'), {
      postId: 'dinkes',
      stageId: 'admin',
    });
    expect(early.status).toBe(409);
    expect(early.body['code']).toMatch(/^[A-Z]+\.[A-Z_]+$/);
    expect(early.body['reason']).toEqual({ id: expect.any(String), en: expect.any(String) });
    expectProblem(
      await api.post('operator.kabcontoh', decision('AnnounceRound'), {
        reach: 'national',
        signedBy: 'pansel-chair',
        secretariatContact: 'x',
        stageSchedule: [{ stageId: 'admin', from: '2024-10-01', to: '2024-10-02' }],
        media: ['https://bkpsdm.kabcontoh.go.id'],
      }),
      409,
      'ROUND.WRONG_STATUS',
    );
  });

  it('records a decision once: retry with the same key replays, another body with it is 422, a concurrent duplicate is 409', async () => {
    const key = randomUUID();
    const first = await api.post('operator.kabcontoh', decision('RegisterApplicant'), register(3), key);
    expect(first.status).toBe(200);
    const retry = await api.post('operator.kabcontoh', decision('RegisterApplicant'), register(3), key);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expectProblem(
      await api.post('operator.kabcontoh', decision('RegisterApplicant'), register(4), key),
      422,
      'IDEMPOTENCY.KEY_REUSED',
    );
    // Keys are per principal: the PPK's request with the same key is judged on its own (out of order here).
    const other = await api.post(
      'ppk.kabcontoh',
      decision('ChooseAppointee'),
      { postId: 'dinkes', applicantId: 'x' },
      key,
    );
    expect(other.status).toBe(409);
    expect(other.body['code']).not.toMatch(/^IDEMPOTENCY/);

    const sameKey = randomUUID();
    const racing = await Promise.all(
      [1, 2, 3].map(() =>
        api.post('operator.kabcontoh', decision('RegisterApplicant'), register(5), sameKey),
      ),
    );
    expect(racing.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    for (const r of racing.filter((r) => r.status !== 200)) expectProblem(r, 409, 'IDEMPOTENCY.IN_PROGRESS');
    const twice = await Promise.all(
      [1, 2].map(() => api.post('operator.kabcontoh', decision('RegisterApplicant'), register(6))),
    );
    expect(twice.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await count('ApplicantRegistered')).toBe(3 + 3);
  });

  it('closes registration exactly once when the close is sent twice at once after the deadline', async () => {
    await api.setClock('2024-09-24');
    const both = await Promise.all(
      [1, 2].map(() => api.post('operator.kabcontoh', decision('CloseRegistration'), { postId: 'dinkes' })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await count('RegistrationClosed')).toBe(1);
    // Nothing half-done: the stream's versions are contiguous and every event came from an accepted decision.
    const versions = await stack.sql<
      Array<{ v: number }>
    >`select stream_version::int as v from events where stream_id = ${roundId} order by 1`;
    expect(versions.map((r) => r.v)).toEqual(versions.map((_, i) => i + 1));
  });
});
