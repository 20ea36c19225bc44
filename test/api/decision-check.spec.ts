import { randomUUID } from 'node:crypto';
import { anApplicant, nipOf } from '@selter/domain/testing';
import { useApiStack, type Reply } from './client';
import { AGENCY, CONFLICTED_MEMBER, openRegistration } from './journey';

/** What a refusal says to the caller, without what differs per request (instance, request id). */
const refusal = (reply: Reply) => ({
  status: reply.status,
  contentType: reply.type,
  code: reply.body['code'],
  ruleId: reply.body['ruleId'],
  reason: reply.body['reason'],
  errors: reply.body['errors'],
});

describe('decision checks (dry runs)', () => {
  const under = useApiStack();
  const localId = `c-${randomUUID().slice(0, 8)}`;
  const roundId = `round-${AGENCY}-${localId}`;
  const path = (type: string, check = true) => `/rounds/${roundId}/decisions/${type}${check ? '/check' : ''}`;
  const events = async (): Promise<number> =>
    (
      await under.stack.sql<
        [{ n: number }]
      >`select count(*)::int as n from events where stream_id = ${roundId}`
    )[0].n;

  beforeAll(() => openRegistration(under.api, localId, 4));

  it('refuses what the rules forbid with the same problem as the real decision, and records nothing', async () => {
    const before = await events();
    const cases: Array<[string, string, unknown]> = [
      ['operator.kabcontoh', 'ExtendRegistration', { postId: 'dinkes' }],
      ['operator.kabcontoh', 'CloseRegistration', { postId: 'dinkes' }],
      [
        'operator.kabcontoh',
        'RegisterApplicant',
        { postId: 'dinkes', applicantId: 'dinkes-a1', applicant: anApplicant(nipOf(0)) },
      ],
      [
        'operator.kabcontoh',
        'RegisterApplicant',
        { postId: 'no-such-post', applicantId: 'x1', applicant: anApplicant(nipOf(90)) },
      ],
      ['operator.kabcontoh', 'RegisterApplicant', { postId: 'dinkes', applicantId: 'x2' }],
      ['pansel1.kabcontoh', 'PublishStageResults', { postId: 'dinkes', stageId: 'admin' }],
      [
        'pansel1.kabcontoh',
        'RegisterApplicant',
        { postId: 'dinkes', applicantId: 'x3', applicant: anApplicant(nipOf(91)) },
      ],
      [CONFLICTED_MEMBER, 'RecordAdministrativeVerdict', { postId: 'dinkes', applicantId: 'dinkes-a1' }],
      ['operator.kotalain', 'CloseRegistration', { postId: 'dinkes' }],
      ['auditor.kabcontoh', 'CloseRegistration', { postId: 'dinkes' }],
    ];
    for (const [user, type, body] of cases) {
      const checked = await under.api.post(user, path(type), body);
      const real = await under.api.post(user, path(type, false), body);
      expect({ user, type, ...refusal(checked) }).toEqual({ user, type, ...refusal(real) });
      expect(checked.status).toBeGreaterThanOrEqual(400);
    }
    const extension = await under.api.post('operator.kabcontoh', path('ExtendRegistration'), {
      postId: 'dinkes',
    });
    expect(extension.body).toMatchObject({
      status: 422,
      code: 'POST.EXTENSION_NOT_NEEDED',
      ruleId: 'R18',
      reason: { id: expect.any(String), en: expect.any(String) },
    });
    expect(
      (
        await under.api.post(CONFLICTED_MEMBER, path('RecordAdministrativeVerdict'), {
          postId: 'dinkes',
          applicantId: 'dinkes-a1',
        })
      ).body,
    ).toMatchObject({ code: 'AUTH.CONFLICT_OF_INTEREST', ruleId: 'R3' });
    expect(
      (
        await under.api.post(
          'operator.kabcontoh',
          `/rounds/${roundId}-nope/decisions/CloseRegistration/check`,
          { postId: 'dinkes' },
        )
      ).body['code'],
    ).toBe('ROUND.NOT_FOUND');
    expect(await events()).toBe(before);
  });

  it('allows what the rules allow, naming the events it would record, and changes nothing until the real decision', async () => {
    const register = { postId: 'dinkes', applicantId: 'dinkes-new', applicant: anApplicant(nipOf(50)) };
    const before = await events();
    for (let i = 0; i < 3; i += 1) {
      const checked = await under.api.post('operator.kabcontoh', path('RegisterApplicant'), register);
      expect({ status: checked.status, body: checked.body }).toEqual({
        status: 200,
        body: { allowed: true, events: ['ApplicantRegistered'] },
      });
    }
    const verdict = await under.api.post('pansel1.kabcontoh', path('RecordAdministrativeVerdict'), {
      postId: 'dinkes',
      applicantId: 'dinkes-a2',
    });
    expect(verdict.status).toBe(409);
    expect(await events()).toBe(before);

    expect(
      (await under.api.post('operator.kabcontoh', path('RegisterApplicant', false), register)).status,
    ).toBe(200);
    expect(await events()).toBe(before + 1);
    const again = await under.api.post('operator.kabcontoh', path('RegisterApplicant'), register);
    expect({ status: again.status, code: again.body['code'] }).toEqual({
      status: 409,
      code: 'APPLICANT.DUPLICATE',
    });
  });

  it('checks rotation decisions the same way', async () => {
    await under.api.setClock('2024-10-01');
    const rotationId = `r-${randomUUID().slice(0, 8)}`;
    const incumbents = [2, 3, 4].map((years, i) => ({
      nip: `n${i}`,
      name: `Pejabat ${i}`,
      postId: `p${i}`,
      dateOfBirth: '1970-01-01',
      inauguratedOn: `${2024 - years}-09-01`,
    }));
    expect(
      (
        await under.api.post('operator.kabcontoh', '/rotations', {
          rotationId,
          policyId: 'bkn-2024',
          posts: incumbents.map((o) => ({ postId: o.postId, title: `Kepala ${o.postId}` })),
          incumbents,
        })
      ).status,
    ).toBe(201);
    const streamId = `rotation-${AGENCY}-${rotationId}`;
    const rotationPath = (type: string, check = true) =>
      `/rotations/${streamId}/decisions/${type}${check ? '/check' : ''}`;
    const count = async (): Promise<number> =>
      (
        await under.stack.sql<
          [{ n: number }]
        >`select count(*)::int as n from events where stream_id = ${streamId}`
      )[0].n;
    const before = await count();
    const recommendation = { issuedBy: 'BKN', letterNumber: 'B-9', decision: 'approved' };
    for (const [user, type, body] of [
      ['liaison.kasn', 'RecordRotationRecommendation', { ...recommendation, issuedBy: 'KASN' }],
      ['ppk.kabcontoh', 'IssueRotationDecree', { decreeNumber: '821/1' }],
      ['operator.kabcontoh', 'RecordRotationTests', { results: 'none' }],
    ] as const) {
      const checked = await under.api.post(user, rotationPath(type), body);
      expect({ user, type, ...refusal(checked) }).toEqual({
        user,
        type,
        ...refusal(await under.api.post(user, rotationPath(type, false), body)),
      });
      expect(checked.status).toBeGreaterThanOrEqual(400);
    }
    const allowed = await under.api.post(
      'liaison.bkn',
      rotationPath('RecordRotationRecommendation'),
      recommendation,
    );
    expect({
      status: allowed.status,
      allowed: allowed.body['allowed'],
      events: (allowed.body['events'] as unknown[]).length,
    }).toEqual({ status: 200, allowed: true, events: 1 });
    expect(await count()).toBe(before);
  });

  it('lists one dry-run operation per decision in the OpenAPI document', async () => {
    type Doc = {
      paths: Record<
        string,
        { post?: { operationId: string; requestBody?: unknown; responses?: Record<string, unknown> } }
      >;
    };
    const doc = await under.api.raw<Doc>('GET', '/docs/openapi.json');
    const check = doc.body.paths['/rounds/{roundId}/decisions/CloseRegistration/check']?.post;
    expect(check?.operationId).toBe('checkCloseRegistration');
    expect(JSON.stringify(check?.requestBody)).toContain('postId');
    expect(JSON.stringify(check?.responses?.['200'])).toContain('#/components/schemas/DecisionCheck');
    expect(doc.body.paths['/rounds/{roundId}/decisions/CloseRegistration']?.post?.operationId).toBe(
      'decideCloseRegistration',
    );
    expect(doc.body.paths['/rounds/{roundId}/decisions/{type}/check']).toBeUndefined();
  });
});
