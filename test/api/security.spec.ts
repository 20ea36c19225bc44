import { randomUUID } from 'node:crypto';
import { importJWK, SignJWT, generateKeyPair } from 'jose';
import { ApiClient, type Reply } from './client';
import { JourneyBuilder, sendAll } from './journey';
import { startApiStack, type ApiStack } from './stack';

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

function expectProblem(reply: Reply, status: number, code: string): void {
  expect({ status: reply.status, code: reply.body['code'] }).toEqual({ status, code });
  expect(reply.type).toContain('application/problem+json');
  expect(JSON.stringify(reply.body)).not.toMatch(/\bat .*\.ts:\d+/);
}

describe('API security', () => {
  let stack: ApiStack;
  let api: ApiClient;
  const localId = `s-${randomUUID().slice(0, 8)}`;
  const roundId = `round-kabcontoh-${localId}`;
  const decision = (type: string) => `/rounds/${roundId}/decisions/${type}`;
  let eventsBefore = 0;

  beforeAll(async () => {
    stack = await startApiStack();
    api = new ApiClient(stack.url);
    const b = new JourneyBuilder();
    b.announce().register('dinkes', 4).closeAll();
    await sendAll(api, localId, b.take());
    [{ count: eventsBefore }] = await stack.sql<
      [{ count: number }]
    >`select count(*)::int as count from events where stream_id = ${roundId}`;
  }, 120_000);
  afterAll(() => stack?.stop());

  it("refuses another agency's round, to read and to write", async () => {
    expectProblem(await api.get('operator.kotalain', `/rounds/${roundId}`), 403, 'AUTH.FORBIDDEN');
    expectProblem(
      await api.get('auditor.kabcontoh', `/rounds/round-kotalain-${localId}`),
      403,
      'AUTH.FORBIDDEN',
    );
    expectProblem(await api.get('pansel1.kotalain', `/rounds/${roundId}/timeline`), 403, 'AUTH.FORBIDDEN');
    expectProblem(
      await api.post('operator.kotalain', decision('CancelRound'), { reason: 'not mine' }),
      403,
      'AUTH.FORBIDDEN',
    );
    expectProblem(
      await api.post('ppk.kotalain', decision('ChooseAppointee'), {
        postId: 'dinkes',
        applicantId: 'dinkes-a1',
      }),
      403,
      'AUTH.FORBIDDEN',
    );
    expectProblem(
      await api.post('operator.kotalain', '/rounds', { roundId: 'x1', agency: 'kabcontoh', plan: {} }),
      400,
      'REQUEST.INVALID',
    );
  });

  it("refuses each role calling another role's command, and the auditor any command", async () => {
    const attempts: Array<[string, string, object]> = [
      ['ppk.kabcontoh', 'RecordAdministrativeVerdict', { postId: 'dinkes', applicantId: 'dinkes-a2' }],
      ['pansel1.kabcontoh', 'ChooseAppointee', { postId: 'dinkes', applicantId: 'dinkes-a2' }],
      ['operator.kabcontoh', 'ReviewShortlist', { postId: 'dinkes', issuedBy: 'BKN', letterNumber: 'X' }],
      ['liaison.bkn', 'CloseRegistration', { postId: 'dinkes' }],
      ['admin', 'RecordStageResults', { postId: 'dinkes', stageId: 'assessment', results: [] }],
      ['auditor.kabcontoh', 'CancelRound', { reason: 'read-only' }],
      ['auditor', 'CancelRound', { reason: 'read-only' }],
      ['pansel1.kotalain', 'RecordAdministrativeVerdict', { postId: 'dinkes', applicantId: 'dinkes-a2' }],
    ];
    for (const [user, type, body] of attempts)
      expectProblem(await api.post(user, decision(type), body), 403, 'AUTH.FORBIDDEN');
  });

  it('refuses an oversight liaison of the body that does not hold the gate on the day (ADR 27)', async () => {
    const amend = {
      issuedBy: 'KASN',
      letterNumber: 'K-1',
      reason: 'jadwal',
      stage: {
        stageId: 'paper',
        name: 'Makalah',
        kind: 'paper',
        method: 'written',
        weight: 20,
        maxScore: 100,
        scoring: 'cumulative',
      },
    };
    expectProblem(await api.post('liaison.kasn', decision('AmendStage'), amend), 403, 'GATE.WRONG_AUTHORITY');
    expectProblem(await api.post('liaison.bkn', decision('AmendStage'), amend), 403, 'AUTH.FORBIDDEN');
  });

  it('refuses a pansel member who declared a conflict of interest with the applicant (R3), not the others', async () => {
    const refused = await api.post('pansel5.kabcontoh', decision('RecordAdministrativeVerdict'), {
      postId: 'dinkes',
      applicantId: 'dinkes-a1',
    });
    expectProblem(refused, 403, 'AUTH.CONFLICT_OF_INTEREST');
    expect(refused.body['ruleId']).toBe('R3');
    await api.setClock('2024-09-26');
    expect(
      (
        await api.post('pansel1.kabcontoh', decision('RecordAdministrativeVerdict'), {
          postId: 'dinkes',
          applicantId: 'dinkes-a1',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api.post('pansel5.kabcontoh', decision('RecordAdministrativeVerdict'), {
          postId: 'dinkes',
          applicantId: 'dinkes-a2',
        })
      ).status,
    ).toBe(200);
  });

  it('refuses missing, forged, expired, wrong-audience, foreign, alg none and algorithm-swapped tokens', async () => {
    const path = `/rounds/${roundId}`;
    const claims = { sub: 'auditor', role: 'auditor' };
    expect((await api.raw('GET', path, { token: await stack.issuer.mint(claims) })).status).toBe(200);
    const { privateKey: stranger } = await generateKeyPair('RS256');
    const jwks =
      (await api.raw<{ keys: Array<Record<string, string>> }>('GET', '/dev-auth/jwks.json')).body.keys[0] ??
      {};
    const devIssuer = `${stack.url}/dev-auth`;
    const now = Math.floor(Date.now() / 1000);
    const hsKey = await importJWK(
      { kty: 'oct', k: Buffer.from(JSON.stringify(jwks)).toString('base64url') },
      'HS256',
    );
    const tokens: Record<string, string | undefined> = {
      missing: undefined,
      garbage: 'not.a.token',
      forged: await stack.issuer.mint(claims, { key: stranger }),
      expired: await stack.issuer.mint(claims, { expiresIn: -120 }),
      'wrong audience': await stack.issuer.mint(claims, { audience: 'another-api' }),
      foreign: await stack.issuer.mint(claims, { issuer: 'https://idp.example.org/' }),
      'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, iss: devIssuer, aud: 'selter-api', exp: now + 600 })}.`,
      'alg swap': await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', kid: jwks['kid'] ?? '' })
        .setIssuer(devIssuer)
        .setAudience('selter-api')
        .setExpirationTime(now + 600)
        .sign(hsKey),
      'no role': await stack.issuer.mint({ sub: 'someone' }),
    };
    for (const [name, token] of Object.entries(tokens)) {
      const reply = await api.raw('GET', path, {
        ...(token ? { token } : {}),
        headers: { 'x-request-id': `sec-${name.replace(/\W/g, '-')}` },
      });
      expect({ name, status: reply.status, code: reply.body['code'] }).toEqual({
        name,
        status: 401,
        code: 'AUTH.UNAUTHENTICATED',
      });
      expect(reply.headers.get('www-authenticate')).toContain('Bearer');
    }
  });

  it('logs every refusal with its code and request id, and records nothing for refused requests', async () => {
    const reply = await api.raw('POST', `/rounds/${roundId}/decisions/CancelRound`, {
      token: await api.token('operator.kotalain'),
      body: { reason: 'x' },
      headers: { 'x-request-id': 'sec-logged-403' },
    });
    expect(reply.status).toBe(403);
    // The API runs as a child process: its log line arrives through a pipe a moment after the reply.
    const logged = (l: string): boolean =>
      l.includes('request refused') && l.includes('sec-logged-403') && l.includes('AUTH.FORBIDDEN');
    for (const deadline = Date.now() + 10_000; !stack.logs().some(logged) && Date.now() < deadline;)
      await new Promise((r) => setTimeout(r, 50));
    const refusals = stack.logs().filter((l) => l.includes('request refused'));
    expect(refusals.some(logged)).toBe(true);
    expect(refusals.some((l) => l.includes('sec-expired') && l.includes('AUTH.UNAUTHENTICATED'))).toBe(true);
    expect(stack.logs().some((l) => /eyJ[\w-]+\.eyJ/.test(l))).toBe(false); // no token in any log
    const types = await stack.sql<
      Array<{ type: string }>
    >`select type from events where stream_id = ${roundId} and stream_version > ${eventsBefore} order by stream_version`;
    expect(types.map((t) => t.type)).toEqual([
      'AdministrativeVerdictRecorded',
      'AdministrativeVerdictRecorded',
    ]);
  });
});
