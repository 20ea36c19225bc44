import { randomUUID } from 'node:crypto';
import { waitUntil } from '@selter/engines';
import { aPlan, aPost, RoundBuilder } from '@selter/domain/testing';
import { useApiStack, type Reply } from './client';
import { AGENCY, journeyPlan, POLICY, sendAll, USER_OF } from './journey';

type Inbox = { items: Array<{ roundId: string; postId: string | null; command: string }> };

/** What a refusal says, without what differs per request. */
const problem = (reply: Reply) => ({
  status: reply.status,
  type: reply.type,
  code: reply.body['code'],
  ruleId: reply.body['ruleId'],
});

/** R24, R25 and a chosen finalist's withdrawal (W12) through the API, as the seeded PPK, operator and liaison. */
describe('appointment coordination and replacement through the API', () => {
  const under = useApiStack();
  const localId = `a-${randomUUID().slice(0, 8)}`;
  const roundId = `round-${AGENCY}-${localId}`;
  const plan = aPlan([aPost('sekda', 'sekda'), aPost('sekwan', 'sekwan'), aPost('dinkes')], {
    pansel: journeyPlan().pansel,
  });
  const b = new RoundBuilder(plan, '2024-09-02', POLICY);
  const day = (offset: number): string => b.day(offset);
  const decide = (role: keyof typeof USER_OF, type: string, data: object, offset = 60): Promise<Reply> =>
    under.api.decide(USER_OF[role], roundId, type, data, day(offset));
  const ok = async (reply: Promise<Reply>): Promise<void> => {
    const r = await reply;
    if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
  };
  const awaitedBy = (user: string, postId: string, command: string): Promise<void> =>
    waitUntil(
      `${command} on ${postId} in ${user}'s inbox`,
      async () => {
        const inbox = await under.api.get<Inbox>(user, '/inbox');
        const mine = inbox.body.items.filter((i) => i.roundId === roundId && i.postId === postId);
        if (!mine.some((i) => i.command === command)) throw new Error(JSON.stringify(mine));
      },
      { timeoutMs: 15_000 },
    );

  beforeAll(async () => {
    b.announce();
    for (const post of ['sekda', 'sekwan', 'dinkes']) b.register(post, 4);
    b.closeAll().verify().stages();
    for (const post of ['sekda', 'sekwan', 'dinkes']) b.shortlist(post);
    await sendAll(under.api, localId, b.take());
  }, 180_000);

  it('[R24] refuses a provincial Sekda post at planning as problem+json naming the field', async () => {
    // The province's own operator (its place is recorded as a province, ADR 30) plans it.
    const pansel = journeyPlan().pansel;
    const provincial = aPlan([aPost('sekda', 'sekda')], {
      agency: { name: 'Pemerintah Provinsi Contoh', level: 'province' },
      pansel: {
        ...pansel,
        members: pansel.members.map((m, i) => ({ ...m, memberId: `pansel${i + 1}.provcontoh` })),
      },
    });
    await under.api.setClock('2024-09-02');
    const reply = await under.api.post('operator.provcontoh', '/rounds', {
      roundId: `p-${randomUUID().slice(0, 8)}`,
      plan: provincial,
      policyId: POLICY,
    });
    expect(problem(reply)).toEqual({
      status: 422,
      type: expect.stringContaining('application/problem+json'),
      code: 'POST.NOT_JPT_PRATAMA',
      ruleId: 'R24',
    });
    expect(JSON.stringify(reply.body)).toContain('plan.posts.0.kind');
  });

  it("[R24] decrees a regency Sekda only after the governor's agreement; an objection sends the PPK back", async () => {
    await ok(decide('ppk', 'ChooseAppointee', { postId: 'sekda', applicantId: 'sekda-a1' }));
    await awaitedBy(USER_OF.ppk, 'sekda', 'ReportToGovernor');
    await ok(
      decide(
        'oversight',
        'RecordInaugurationRecommendation',
        { postId: 'sekda', issuedBy: 'BKN', letterNumber: 'I-1' },
        61,
      ),
    );
    const decree = { postId: 'sekda', decreeNumber: '821/1' };
    expect(problem(await decide('ppk', 'IssueAppointmentDecree', decree, 62))).toMatchObject({
      status: 422,
      code: 'POST.GOVERNOR_AGREEMENT_MISSING',
      ruleId: 'R24',
    });
    await ok(decide('ppk', 'ReportToGovernor', { postId: 'sekda', letterNumber: '800/1/BKPSDM' }, 62));
    await awaitedBy(USER_OF.ppk, 'sekda', 'RecordGovernorReply');
    const objection = { postId: 'sekda', letterNumber: '100.2/GUB/1', decision: 'objected' };
    expect(problem(await decide('operator', 'RecordGovernorReply', objection, 63))).toMatchObject({
      status: 422,
      code: 'REASON.REQUIRED',
    });
    await ok(decide('operator', 'RecordGovernorReply', { ...objection, reason: 'rekam jejak' }, 63));
    await awaitedBy(USER_OF.ppk, 'sekda', 'ChooseAppointee');
    expect(
      problem(await decide('ppk', 'ChooseAppointee', { postId: 'sekda', applicantId: 'sekda-a1' }, 64)),
    ).toMatchObject({ status: 422, code: 'POST.NOT_A_FINALIST', ruleId: 'R23' });
    await ok(decide('ppk', 'ChooseAppointee', { postId: 'sekda', applicantId: 'sekda-a2' }, 64));
    await ok(decide('ppk', 'ReportToGovernor', { postId: 'sekda', letterNumber: '800/2/BKPSDM' }, 64));
    await ok(
      decide(
        'ppk',
        'RecordGovernorReply',
        { postId: 'sekda', letterNumber: '100.2/GUB/2', decision: 'agreed' },
        65,
      ),
    );
    await ok(
      decide(
        'oversight',
        'RecordInaugurationRecommendation',
        { postId: 'sekda', issuedBy: 'BKN', letterNumber: 'I-2' },
        65,
      ),
    );
    await ok(decide('ppk', 'IssueAppointmentDecree', decree, 66));
  });

  it("[R25] decrees the Sekwan only with the DPRD leadership's approval; a refused finalist cannot be chosen", async () => {
    await ok(decide('ppk', 'ChooseAppointee', { postId: 'sekwan', applicantId: 'sekwan-a1' }));
    await awaitedBy(USER_OF.ppk, 'sekwan', 'RecordDprdLeadershipDecision');
    const refusal = {
      postId: 'sekwan',
      letterNumber: '170/DPRD/1',
      decision: 'refused',
      reason: 'rapat pimpinan',
    };
    await ok(decide('ppk', 'RecordDprdLeadershipDecision', refusal, 61));
    expect(
      problem(await decide('ppk', 'ChooseAppointee', { postId: 'sekwan', applicantId: 'sekwan-a1' }, 62)),
    ).toMatchObject({ status: 422, code: 'POST.NOT_A_FINALIST' });
    await ok(decide('ppk', 'ChooseAppointee', { postId: 'sekwan', applicantId: 'sekwan-a2' }, 62));
    await ok(
      decide(
        'oversight',
        'RecordInaugurationRecommendation',
        { postId: 'sekwan', issuedBy: 'BKN', letterNumber: 'I-3' },
        63,
      ),
    );
    const decree = { postId: 'sekwan', decreeNumber: '821/2' };
    expect(problem(await decide('ppk', 'IssueAppointmentDecree', decree, 64))).toMatchObject({
      status: 422,
      code: 'POST.DPRD_APPROVAL_MISSING',
      ruleId: 'R25',
    });
    await ok(
      decide(
        'ppk',
        'RecordDprdLeadershipDecision',
        { postId: 'sekwan', letterNumber: '170/DPRD/2', decision: 'approved' },
        64,
      ),
    );
    await ok(decide('ppk', 'IssueAppointmentDecree', decree, 65));
  });

  it('[R23] W12: a chosen finalist who withdraws is replaced from the remaining finalists', async () => {
    await ok(decide('ppk', 'ChooseAppointee', { postId: 'dinkes', applicantId: 'dinkes-a1' }));
    const withdrawal = {
      postId: 'dinkes',
      cause: 'final-check-failed',
      note: 'I-MUT: tidak memenuhi syarat',
    };
    expect(problem(await decide('pansel', 'WithdrawAppointee', withdrawal, 61))).toMatchObject({
      status: 403,
    });
    expect(
      problem(await decide('operator', 'WithdrawAppointee', { ...withdrawal, cause: 'fled' }, 61)),
    ).toMatchObject({ status: 400, code: 'REQUEST.INVALID' });
    await ok(decide('operator', 'WithdrawAppointee', withdrawal, 61));
    await awaitedBy(USER_OF.ppk, 'dinkes', 'ChooseAppointee');
    const round = await waitUntil(
      'dinkes back to the choice in the read model',
      async () => {
        const r = await under.api.get<{
          posts: Array<{ postId: string; status: string; appointeeId: string | null }>;
        }>(USER_OF.auditor, `/rounds/${roundId}`);
        const post = r.body.posts?.find((p) => p.postId === 'dinkes');
        if (post?.status !== 'shortlisted') throw new Error(JSON.stringify(post));
        return post;
      },
      { timeoutMs: 15_000 },
    );
    expect(round.appointeeId).toBeNull();
    await ok(decide('ppk', 'ChooseAppointee', { postId: 'dinkes', applicantId: 'dinkes-a2' }, 62));
  });
});
