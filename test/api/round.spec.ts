import { randomUUID } from 'node:crypto';
import { waitUntil } from '@selter/engines';
import { ApiClient } from './client';
import { JourneyBuilder, send, USER_OF } from './journey';
import { startApiStack, type ApiStack } from './stack';

type Inbox = {
  items: Array<{
    roundId: string;
    postId: string | null;
    command: string;
    serviceLevelDays: number | null;
    waitedDays: number | null;
    overdue: boolean;
    reminders: number;
    escalated: boolean;
  }>;
};

/** Decisions the workflow awaits from a role: before each, that role's inbox must list it (and no other role's). */
const GATES = new Set([
  'SubmitPlanForRecommendation',
  'RecordPlanRecommendation',
  'AnnounceRound',
  'CloseRegistration',
  'RecordAdministrativeVerdict',
  'ReviewShortlist',
  'ChooseAppointee',
  'RecordInaugurationRecommendation',
  'IssueAppointmentDecree',
  'InaugurateAppointee',
]);

describe('a whole round through the API', () => {
  let stack: ApiStack;
  let api: ApiClient;
  beforeAll(async () => {
    stack = await startApiStack();
    api = new ApiClient(stack.url);
  }, 120_000);
  afterAll(() => stack?.stop());

  /** The caller's inbox items for a round, once they name `command` (or after 15 s, whatever they are). */
  async function inboxUntil(user: string, roundId: string, command: string): Promise<Inbox['items']> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const inbox = await api.get<Inbox>(user, '/inbox');
      const mine = inbox.body.items.filter((i) => i.roundId === roundId);
      if (mine.some((i) => i.command === command) || Date.now() > deadline) return mine;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('runs from plan to inauguration by the seeded users of every role, each finding its decisions in its inbox', async () => {
    const localId = `j-${randomUUID().slice(0, 8)}`;
    const roundId = `round-kabcontoh-${localId}`;
    const b = new JourneyBuilder();
    b.announce().register('dinkes', 4).closeAll().verify().stages().shortlist('dinkes').appoint('dinkes');
    b.run(b.inaugurateCommand('dinkes'));
    const inboxChecks: string[] = [];
    for (const command of b.take()) {
      const user = USER_OF[command.metadata.actor.role as keyof typeof USER_OF];
      if (GATES.has(command.type)) {
        await api.setClock(command.metadata.now);
        // The inbox lists rounds from the projections, a moment behind the decision that changed them.
        const mine = await inboxUntil(user, roundId, command.type);
        expect(mine.map((i) => i.command)).toContain(command.type);
        // Decided promptly: no reminder was sent and nothing escalated.
        expect(mine.find((i) => i.command === command.type)).toMatchObject({
          reminders: 0,
          escalated: false,
        });
        if (command.type === 'ReviewShortlist')
          expect(mine.find((i) => i.command === 'ReviewShortlist')?.serviceLevelDays).toBe(14);
        const others = await api.get<Inbox>(
          user === 'ppk.kabcontoh' ? 'operator.kabcontoh' : 'ppk.kabcontoh',
          '/inbox',
        );
        expect(others.body.items.filter((i) => i.roundId === roundId).map((i) => i.command)).not.toContain(
          command.type,
        );
        if (command.metadata.actor.role === 'oversight') {
          const kasn = await api.get<Inbox>('liaison.kasn', '/inbox');
          expect(kasn.body.items.filter((i) => i.roundId === roundId)).toEqual([]);
        }
        inboxChecks.push(command.type);
      }
      const reply = await send(api, localId, command);
      if (reply.status >= 300)
        throw new Error(`${command.type}: ${reply.status} ${JSON.stringify(reply.body)}`);
      expect(reply.body['roundId']).toBe(roundId);
    }
    expect(new Set(inboxChecks).size).toBe(GATES.size);

    // Reads reflect the decisions once the projections have caught up.
    const round = await waitUntil(
      'post inaugurated in the read model',
      async () => {
        const r = await api.get<{
          status: string;
          posts: Array<{ postId: string; status: string; appointeeId: string }>;
        }>('auditor.kabcontoh', `/rounds/${roundId}`);
        if (r.body.posts?.[0]?.status !== 'inaugurated' || r.body.status !== 'closed')
          throw new Error(JSON.stringify(r.body));
        return r.body;
      },
      { timeoutMs: 20_000 },
    );
    expect(round.status).toBe('closed');
    const applicants = await api.get<{
      applicants: Array<{ rank: number | null; scores: Record<string, number> }>;
      publications: unknown[];
    }>('ppk.kabcontoh', `/rounds/${roundId}/posts/dinkes/applicants`);
    expect(applicants.status).toBe(200);
    expect(applicants.body.applicants).toHaveLength(4);
    expect(applicants.body.applicants[0]?.rank).toBe(1);
    expect(applicants.body.publications.length).toBe(6);
    const timeline = await api.get<{ events: Array<{ type: string; actor: { id: string; role: string } }> }>(
      'admin',
      `/rounds/${roundId}/timeline`,
    );
    expect([...new Set(timeline.body.events.map((e) => e.actor.role))]).toEqual(
      expect.arrayContaining(['operator', 'pansel', 'oversight', 'ppk']),
    );
    expect(timeline.body.events.at(-1)?.type).toBe('RoundClosed');
    const listed = await api.get<{ rounds: Array<{ id: string }> }>('pansel1.kabcontoh', '/rounds');
    expect(listed.body.rounds.map((r) => r.id)).toContain(roundId);
    expect(
      (await api.get<{ rounds: Array<{ id: string }> }>('pansel1.kotalain', '/rounds')).body.rounds,
    ).toEqual([]);

    // Citizens read every published ranking without signing in (R21).
    type PublicView = {
      rounds: Array<{
        roundId: string;
        agencyName: string | null;
        posts: Array<{
          postId: string;
          stages: Array<{
            stageId: string;
            stageName: string | null;
            ranking: Array<{ rank: number; name: string | null }>;
          }>;
        }>;
      }>;
    };
    const open = await api.raw<PublicView>('GET', '/public/agencies/kabcontoh/rounds');
    expect(open.status).toBe(200);
    const published =
      open.body.rounds.find((r) => r.roundId === roundId)?.posts.find((p) => p.postId === 'dinkes')?.stages ??
      [];
    expect(published).toHaveLength(applicants.body.publications.length);
    expect(open.body.rounds.find((r) => r.roundId === roundId)?.agencyName).toEqual(
      expect.stringContaining('Contoh'),
    );
    for (const stage of published) {
      expect(stage.stageName).toEqual(expect.any(String));
      expect(stage.stageName).not.toBe(stage.stageId);
      expect(stage.ranking[0]?.rank).toBe(1);
      expect(stage.ranking.every((line) => typeof line.name === 'string' && line.name.length > 0)).toBe(true);
    }
    const elsewhere = await api.raw<PublicView>('GET', '/public/agencies/kotalain/rounds');
    expect(elsewhere.body.rounds.map((r) => r.roundId)).not.toContain(roundId);
    expect((await api.raw('GET', '/public/agencies/Not-An-Agency/rounds')).status).toBe(400);
  });

  it('stamps every event with the actor, the role and the request id as correlation id', async () => {
    const b = new JourneyBuilder();
    const localId = `m-${randomUUID().slice(0, 8)}`;
    const [plan] = b.take();
    if (plan?.type !== 'PlanRound') throw new Error('no plan');
    await api.setClock(plan.metadata.now);
    const requestId = `req-${randomUUID()}`;
    const reply = await api.raw('POST', '/rounds', {
      token: await api.token('operator.kabcontoh'),
      body: { roundId: localId, plan: plan.data.plan, policyId: 'bkn-2024' },
      headers: { 'x-request-id': requestId },
    });
    expect(reply.status).toBe(201);
    const [row] = await stack.sql<
      Array<{ metadata: { actor: { id: string; role: string }; correlationId: string } }>
    >`
      select record_json->'metadata' as metadata from events where stream_id = ${`round-kabcontoh-${localId}`}`;
    expect(row?.metadata.actor).toEqual({ id: 'operator.kabcontoh', role: 'operator' });
    expect(row?.metadata.correlationId).toBe(requestId);
  });

  it('serves its OpenAPI document (one operation per decision), Prometheus metrics and readiness', async () => {
    const doc = await api.raw<{
      paths: Record<string, { post?: { operationId: string; requestBody?: unknown } }>;
    }>('GET', '/docs/openapi.json');
    expect(doc.status).toBe(200);
    const close = doc.body.paths['/rounds/{roundId}/decisions/CloseRegistration']?.post;
    expect(close?.operationId).toBe('decideCloseRegistration');
    expect(JSON.stringify(close?.requestBody)).toContain('postId');
    expect(doc.body.paths['/rounds/{roundId}/decisions/{type}']).toBeUndefined();
    const metrics = await fetch(`${stack.url}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/selter_decisions_total\{type="CloseRegistration",outcome="accepted"\} \d+/);
    expect(metrics).toContain('selter_http_request_duration_seconds_bucket');
    const health = await api.raw<{ info: Record<string, unknown> }>('GET', '/health');
    expect(health.status).toBe(200);
    expect(Object.keys(health.body.info).sort()).toEqual(['kafka', 'postgres', 'temporal', 'worker']);
  });

  it('plans a rotation and takes its oversight decision only from the body holding the gate', async () => {
    await api.setClock('2024-10-01');
    const rotationId = `r-${randomUUID().slice(0, 8)}`;
    const incumbents = [2, 3, 4].map((years, i) => ({
      nip: `n${i}`,
      name: `Pejabat ${i}`,
      postId: `p${i}`,
      dateOfBirth: '1970-01-01',
      inauguratedOn: `${2024 - years}-09-01`,
    }));
    const planned = await api.post('operator.kabcontoh', '/rotations', {
      rotationId,
      policyId: 'bkn-2024',
      posts: incumbents.map((o) => ({ postId: o.postId, title: `Kepala ${o.postId}` })),
      incumbents,
    });
    expect(planned.status).toBe(201);
    expect((planned.body['events'] as Array<{ type: string }>)[0]?.type).toBe('RotationPlanned');
    const path = `/rotations/rotation-kabcontoh-${rotationId}/decisions/RecordRotationRecommendation`;
    expect(
      (await api.post('liaison.kasn', path, { issuedBy: 'KASN', letterNumber: 'K-9', decision: 'approved' }))
        .body['code'],
    ).toBe('GATE.WRONG_AUTHORITY');
    expect(
      (
        await api.post('operator.kotalain', path, {
          issuedBy: 'BKN',
          letterNumber: 'B-9',
          decision: 'approved',
        })
      ).body['code'],
    ).toBe('AUTH.FORBIDDEN');
    expect(
      (await api.post('liaison.bkn', path, { issuedBy: 'BKN', letterNumber: 'B-9', decision: 'approved' }))
        .status,
    ).toBe(200);
    const early = await api.post(
      'ppk.kabcontoh',
      `/rotations/rotation-kabcontoh-${rotationId}/decisions/IssueRotationDecree`,
      { decreeNumber: '821/1' },
    );
    expect(early.status).toBe(409);
  });
});
