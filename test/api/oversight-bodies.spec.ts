import { randomUUID } from 'node:crypto';
import type { Role, RoundCommand } from '@selter/domain';
import { command, RoundBuilder } from '@selter/domain/testing';
import type { ApiClient, Reply } from './client';
import { useApiStack } from './client';
import { AGENCY, journeyPlan, USER_OF } from './journey';

type Inbox = { items: Array<{ roundId: string; command: string }> };
type Bodies = {
  holder: string | null;
  bodies: Array<{ id: string; name: { id: string; en: string }; level: string; legalSource: string }>;
  succession: Array<{ body: string; from: string; until: string | null; legalSource: string }>;
};

function expectProblem(reply: Reply, status: number, code: string): void {
  expect({ status: reply.status, code: reply.body['code'] }).toEqual({ status, code });
  expect(reply.type).toContain('application/problem+json');
}

/** A liaison's letter goes out as the liaison of the body that signs it; every other decision as USER_OF. */
const userFor = (c: RoundCommand): string => {
  const issuedBy = (c.data as { issuedBy?: string }).issuedBy;
  const role = c.metadata.actor.role as Exclude<Role, 'system'>;
  return role === 'oversight' && issuedBy ? `liaison.${issuedBy.toLowerCase()}` : USER_OF[role];
};

async function sendAs(api: ApiClient, localId: string, c: RoundCommand): Promise<Reply> {
  await api.setClock(c.metadata.now);
  if (c.type === 'PlanRound')
    return api.post(userFor(c), '/rounds', {
      roundId: localId,
      plan: c.data.plan,
      policyId: c.data.policyId,
    });
  return api.post(userFor(c), `/rounds/round-${AGENCY}-${localId}/decisions/${c.type}`, c.data);
}

describe('oversight bodies as data: who approves follows the law of the day (ADR 27)', () => {
  const under = useApiStack();

  it('lists the bodies and their succession: KASN until 22 Aug 2024, BKN from the Perpres 92/2024 handover', async () => {
    const reply = await under.api.raw<Bodies>('GET', '/oversight-bodies', {});
    expect(reply.status).toBe(200);
    expect(reply.body.bodies.map((b) => [b.id, b.level])).toEqual([
      ['KASN', 'national'],
      ['BKN', 'national'],
    ]);
    expect(reply.body.bodies.find((b) => b.id === 'BKN')?.name.id).toBe('Badan Kepegawaian Negara');
    expect(reply.body.succession).toEqual([
      expect.objectContaining({ body: 'KASN', until: '2024-08-22' }),
      expect.objectContaining({ body: 'BKN', from: '2024-08-23', until: null }),
    ]);
    expect(reply.body.succession[1]?.legalSource).toContain('Perpres 92/2024');
  });

  it('[R22] a kasn-2019 round planned in June 2024 and decided in October 2024: KASN-era numbers, the shortlist review BKN’s, a KASN liaison refused', async () => {
    const { api, stack } = under;
    const localId = `ob-${randomUUID().slice(0, 8)}`;
    const roundId = `round-${AGENCY}-${localId}`;
    const schedule = {
      announcementOn: '2024-06-10',
      registrationDeadline: '2024-06-25',
      referenceDate: '2024-06-25',
    };
    const b = new RoundBuilder(
      { ...journeyPlan(), schedule: { ...journeyPlan().schedule, ...schedule } },
      '2024-06-03',
      'kasn-2019',
    );
    b.announce().register('dinkes', 4).closeAll().verify().stages();
    const finalists = b.best('dinkes');
    b.run(command('ProposeShortlist', { postId: 'dinkes', finalists }, '2024-09-30', 'pansel'));
    b.run(command('AnnounceShortlist', { postId: 'dinkes' }, '2024-10-01', 'pansel'));
    for (const c of b.take()) {
      const reply = await sendAs(api, localId, c);
      if (reply.status !== 200 && reply.status !== 201)
        throw new Error(`${c.type}: ${reply.status} ${JSON.stringify(reply.body)}`);
    }
    // KASN recommended the plan in June; the top 3 were announced before any review (kasn-2019's R22).
    const letters = await stack.sql<Array<{ type: string; issued_by: string }>>`
      select type, record_json->'data'->>'issuedBy' as issued_by from events
      where stream_id = ${roundId} and record_json->'data' ? 'issuedBy' order by stream_version`;
    expect(letters).toEqual([{ type: 'PlanRecommended', issued_by: 'KASN' }]);

    await api.setClock('2024-10-02');
    const review = (body: string) => ({ postId: 'dinkes', issuedBy: body, letterNumber: `R-${body}` });
    const path = `/rounds/${roundId}/decisions/ReviewShortlist`;
    const inboxOf = async (user: string) =>
      (await api.get<Inbox>(user, '/inbox')).body.items
        .filter((i) => i.roundId === roundId)
        .map((i) => i.command);
    const deadline = Date.now() + 15_000;
    while (!(await inboxOf('liaison.bkn')).includes('ReviewShortlist') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await inboxOf('liaison.bkn')).toContain('ReviewShortlist');
    expect(await inboxOf('liaison.kasn')).not.toContain('ReviewShortlist');

    const kasn = await api.post('liaison.kasn', path, review('KASN'));
    expectProblem(kasn, 403, 'GATE.WRONG_AUTHORITY');
    expect(kasn.body['details']).toMatchObject({
      gate: 'shortlistReview',
      policyId: 'kasn-2019',
      expected: 'BKN',
      actual: 'KASN',
      on: '2024-10-02',
    });
    expect((kasn.body['reason'] as { id: string; en: string }).en).toContain('Perpres 92/2024');
    // Nor may a BKN liaison record a letter in KASN's name.
    expectProblem(await api.post('liaison.bkn', path, review('KASN')), 403, 'AUTH.FORBIDDEN');

    const bkn = await api.post('liaison.bkn', path, review('BKN'));
    expect(bkn.status).toBe(200);
    expect(bkn.body['events']).toEqual([
      expect.objectContaining({
        type: 'ShortlistReviewed',
        data: expect.objectContaining({ issuedBy: 'BKN' }),
      }),
    ]);
    const planned = await stack.sql<Array<{ policy_id: string }>>`
      select record_json->'data'->>'policyId' as policy_id from events
      where stream_id = ${roundId} and type = 'RoundPlanned'`;
    expect(planned).toEqual([{ policy_id: 'kasn-2019' }]);
  });

  it('refuses an unknown oversight body with problem+json naming the field', async () => {
    const { api } = under;
    await api.setClock('2024-09-02');
    const plan = journeyPlan();
    const members = plan.pansel.members.map((m, i) => (i === 0 ? { ...m, oversightBody: 'KPK' } : m));
    const unknownInPlan = await api.post('operator.kabcontoh', '/rounds', {
      roundId: `ob-${randomUUID().slice(0, 8)}`,
      plan: { ...plan, pansel: { ...plan.pansel, members } },
    });
    expectProblem(unknownInPlan, 400, 'REQUEST.INVALID');
    expect(unknownInPlan.body['errors']).toEqual([
      expect.objectContaining({ path: 'plan.pansel.members.0.oversightBody' }),
    ]);
    const letter = await api.post(
      'liaison.bkn',
      `/rounds/round-${AGENCY}-nonexistent/decisions/ReviewShortlist`,
      {
        postId: 'dinkes',
        issuedBy: 'KPK',
        letterNumber: 'R-1',
      },
    );
    expectProblem(letter, 400, 'REQUEST.INVALID');
    expect(letter.body['errors']).toEqual([
      expect.objectContaining({
        path: 'issuedBy',
        message: expect.stringContaining('unknown oversight body'),
      }),
    ]);
  });
});
