import { awaitedDecisions } from './awaiting';
import { tryDecide } from './decide';
import type { RoundCommand } from './commands';
import type { PostState } from './state';
import { checkPlan } from './check-plan';
import { getPolicy } from '../policy/registry';
import { aPlan, aPost, command } from '../testing/fixtures';
import { RoundBuilder } from '../testing/builder';
import type { RoundPlan } from './plan-types';

const policy = getPolicy('bkn-2024');

/** A round whose only post has its top 3 reviewed and announced, waiting for the PPK's choice. */
const shortlisted = (plan: RoundPlan = aPlan([aPost('sekda', 'sekda')])): RoundBuilder => {
  const postId = plan.posts[0]!.postId;
  return new RoundBuilder(plan, '2024-09-02', 'bkn-2024')
    .announce()
    .register(postId, 5)
    .closeAll()
    .verify()
    .stages(Number.POSITIVE_INFINITY, (_a, i) => 90 - i * 5)
    .shortlist(postId);
};

const choose = (b: RoundBuilder, postId: string, applicantId: string, day = 60): RoundBuilder =>
  b.run(command('ChooseAppointee', { postId, applicantId }, b.day(day), 'ppk'));

const recommend = (b: RoundBuilder, postId: string): RoundBuilder =>
  b.run(
    command(
      'RecordInaugurationRecommendation',
      { postId, issuedBy: 'BKN', letterNumber: `I-${postId}` },
      b.day(65),
      'oversight',
    ),
  );

const decree = (b: RoundBuilder, postId: string): RoundCommand =>
  command('IssueAppointmentDecree', { postId, decreeNumber: `821/${postId}` }, b.day(66), 'ppk');

const post = (b: RoundBuilder, postId: string): PostState | undefined => b.round.posts[postId];

/** The PPK's awaited step on a post, as the inbox shows it. */
const awaited = (b: RoundBuilder, postId: string): string | undefined =>
  awaitedDecisions(b.stream.state, policy).find((a) => a.postId === postId)?.command;

/** Every step the inbox awaits is one the decider accepts in that state (R24: it never waits for a refused step). */
function awaitedIsAccepted(b: RoundBuilder, postId: string, data: Record<string, unknown>): void {
  const type = awaited(b, postId);
  if (!type) throw new Error(`nothing awaited on ${postId}`);
  const cmd = command(type as 'ReportToGovernor', { postId, ...data } as never, b.day(64), 'ppk');
  expect({ type, result: tryDecide(cmd, b.stream.state) }).toMatchObject({ type, result: { ok: true } });
}

describe('R24: a regency/city Sekda is coordinated with the governor (request and reply)', () => {
  it('[R24] refuses the decree until the governor agrees, and the inbox waits for the request then the reply', () => {
    const b = choose(shortlisted(), 'sekda', 'sekda-a1');
    recommend(b, 'sekda');
    expect(tryDecide(decree(b, 'sekda'), b.stream.state)).toMatchObject({
      ok: false,
      error: { code: 'POST.GOVERNOR_AGREEMENT_MISSING', ruleId: 'R24', details: { requested: false } },
    });
    expect(awaited(b, 'sekda')).toBe('ReportToGovernor');
    awaitedIsAccepted(b, 'sekda', { letterNumber: '800/1/BKPSDM' });
    b.run(command('ReportToGovernor', { postId: 'sekda', letterNumber: '800/1/BKPSDM' }, b.day(62), 'ppk'));
    expect(tryDecide(decree(b, 'sekda'), b.stream.state)).toMatchObject({
      ok: false,
      error: { code: 'POST.GOVERNOR_AGREEMENT_MISSING', details: { requested: true } },
    });
    expect(awaited(b, 'sekda')).toBe('RecordGovernorReply');
    awaitedIsAccepted(b, 'sekda', { letterNumber: '100.2/GUB/7', decision: 'agreed' });
    b.run(
      command(
        'RecordGovernorReply',
        { postId: 'sekda', letterNumber: '100.2/GUB/7', decision: 'agreed' },
        b.day(63),
        'ppk',
      ),
    );
    expect(b.stream.events.at(-1)).toMatchObject({
      type: 'GovernorReplied',
      data: { applicantId: 'sekda-a1', decision: 'agreed', letterNumber: '100.2/GUB/7' },
    });
    expect(awaited(b, 'sekda')).toBe('IssueAppointmentDecree');
    expect(tryDecide(decree(b, 'sekda'), b.stream.state).ok).toBe(true);
  });

  it('[R24] refuses a reply before the request, and an objection without a reason', () => {
    const b = choose(shortlisted(), 'sekda', 'sekda-a1');
    const reply = (decision: 'agreed' | 'objected', reason?: string) =>
      command(
        'RecordGovernorReply',
        { postId: 'sekda', letterNumber: 'G-1', decision, ...(reason ? { reason } : {}) },
        b.day(63),
        'ppk',
      );
    expect(tryDecide(reply('agreed'), b.stream.state)).toMatchObject({
      ok: false,
      error: { code: 'POST.GOVERNOR_REQUEST_MISSING', ruleId: 'R24' },
    });
    b.run(command('ReportToGovernor', { postId: 'sekda', letterNumber: 'R-1' }, b.day(62), 'ppk'));
    expect(tryDecide(reply('objected'), b.stream.state)).toMatchObject({
      ok: false,
      error: { code: 'REASON.REQUIRED' },
    });
  });

  it("[R24] the governor's objection sends the PPK back to the other finalists", () => {
    const b = choose(shortlisted(), 'sekda', 'sekda-a1');
    b.run(command('ReportToGovernor', { postId: 'sekda', letterNumber: 'R-1' }, b.day(62), 'ppk'));
    b.run(
      command(
        'RecordGovernorReply',
        { postId: 'sekda', letterNumber: 'G-1', decision: 'objected', reason: 'rekam jejak' },
        b.day(63),
        'ppk',
      ),
    );
    expect(b.stream.events.slice(-2)).toMatchObject([
      { type: 'GovernorReplied', data: { decision: 'objected', reason: 'rekam jejak' } },
      {
        type: 'AppointeeReleased',
        data: {
          applicantId: 'sekda-a1',
          cause: 'governor-objected',
          remaining: ['sekda-a2', 'sekda-a3'],
          next: 'choose-again',
        },
      },
    ]);
    expect(post(b, 'sekda')?.status).toBe('shortlisted');
    expect(awaited(b, 'sekda')).toBe('ChooseAppointee');
    const again = (id: string) =>
      tryDecide(
        command('ChooseAppointee', { postId: 'sekda', applicantId: id }, b.day(64), 'ppk'),
        b.stream.state,
      );
    expect(again('sekda-a1')).toMatchObject({ ok: false, error: { code: 'POST.NOT_A_FINALIST' } });
    expect(again('sekda-a2').ok).toBe(true);
  });

  it('[R24] refuses a provincial Sekda post (JPT madya) at planning, naming the field', () => {
    const plan = aPlan([aPost('dinkes'), aPost('sekda', 'sekda')], {
      agency: { name: 'Pemerintah Provinsi Contoh', level: 'province' },
    });
    const refused = tryDecide(
      command('PlanRound', { roundId: 'r-prov', plan, policyId: 'bkn-2024' }, '2024-09-02'),
      { status: 'empty', version: 0 },
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'POST.NOT_JPT_PRATAMA', ruleId: 'R24', details: { field: 'plan.posts.1.kind' } },
    });
    const regency = aPlan([aPost('sekda', 'sekda')]);
    expect(
      tryDecide(
        command('PlanRound', { roundId: 'r-kab', plan: regency, policyId: 'bkn-2024' }, '2024-09-02'),
        {
          status: 'empty',
          version: 0,
        },
      ).ok,
    ).toBe(true);
    const check = checkPlan(
      command('PlanRound', { roundId: 'r-prov', plan, policyId: 'bkn-2024' }, '2024-09-02'),
    );
    expect(check.findings.map((f) => f.code)).toContain('POST.NOT_JPT_PRATAMA');
  });

  it('[R24] the inbox never waits for a governor step on a post without the gate', () => {
    const b = choose(shortlisted(aPlan([aPost('dinkes')])), 'dinkes', 'dinkes-a1');
    expect(awaited(b, 'dinkes')).toBe('RecordInaugurationRecommendation');
    expect(
      tryDecide(
        command('ReportToGovernor', { postId: 'dinkes', letterNumber: 'x' }, b.day(61), 'ppk'),
        b.stream.state,
      ),
    ).toMatchObject({ ok: false, error: { code: 'POST.GATE_NOT_APPLICABLE' } });
  });
});

describe('R25: the DPRD leadership approves or refuses the chosen Sekwan', () => {
  const sekwan = () => shortlisted(aPlan([aPost('sekwan', 'sekwan')]));
  const decide = (b: RoundBuilder, decision: 'approved' | 'refused', reason?: string) =>
    command(
      'RecordDprdLeadershipDecision',
      { postId: 'sekwan', letterNumber: '170/DPRD/1', decision, ...(reason ? { reason } : {}) },
      b.day(62),
      'ppk',
    );

  it('[R25] refuses the decree until the DPRD leadership approves the chosen finalist', () => {
    const b = choose(sekwan(), 'sekwan', 'sekwan-a1');
    recommend(b, 'sekwan');
    expect(awaited(b, 'sekwan')).toBe('RecordDprdLeadershipDecision');
    expect(tryDecide(decree(b, 'sekwan'), b.stream.state)).toMatchObject({
      ok: false,
      error: { code: 'POST.DPRD_APPROVAL_MISSING', ruleId: 'R25' },
    });
    b.run(decide(b, 'approved'));
    expect(b.stream.events.at(-1)).toMatchObject({
      type: 'DprdLeadershipDecided',
      data: { applicantId: 'sekwan-a1', decision: 'approved' },
    });
    expect(awaited(b, 'sekwan')).toBe('IssueAppointmentDecree');
    expect(tryDecide(decree(b, 'sekwan'), b.stream.state).ok).toBe(true);
  });

  it('[R25] a refusal sends the PPK back to the other finalists; the refused one cannot be chosen', () => {
    const b = choose(sekwan(), 'sekwan', 'sekwan-a2');
    expect(tryDecide(decide(b, 'refused'), b.stream.state)).toMatchObject({
      ok: false,
      error: { code: 'REASON.REQUIRED' },
    });
    b.run(decide(b, 'refused', 'tidak disetujui rapat pimpinan'));
    expect(b.stream.events.at(-1)).toMatchObject({
      type: 'AppointeeReleased',
      data: { cause: 'dprd-refused', remaining: ['sekwan-a1', 'sekwan-a3'], next: 'choose-again' },
    });
    expect(awaited(b, 'sekwan')).toBe('ChooseAppointee');
    const again = (id: string) =>
      tryDecide(
        command('ChooseAppointee', { postId: 'sekwan', applicantId: id }, b.day(63), 'ppk'),
        b.stream.state,
      );
    expect(again('sekwan-a2')).toMatchObject({
      ok: false,
      error: { code: 'POST.NOT_A_FINALIST', ruleId: 'R23' },
    });
    expect(again('sekwan-a3').ok).toBe(true);
  });

  it('[R25] refuses a DPRD decision on a post that is not the Sekwan', () => {
    const b = choose(shortlisted(aPlan([aPost('dinkes')])), 'dinkes', 'dinkes-a1');
    expect(
      tryDecide(
        command(
          'RecordDprdLeadershipDecision',
          { postId: 'dinkes', letterNumber: 'x', decision: 'approved' },
          b.day(62),
          'ppk',
        ),
        b.stream.state,
      ),
    ).toMatchObject({ ok: false, error: { code: 'POST.GATE_NOT_APPLICABLE' } });
  });
});

describe('W12: the chosen finalist withdraws or fails the final check', () => {
  const withdraw = (b: RoundBuilder, cause: 'declared' | 'final-check-failed', day = 62) =>
    b.run(
      command(
        'WithdrawAppointee',
        { postId: 'dinkes', cause, note: 'surat pernyataan' },
        b.day(day),
        'operator',
      ),
    );

  it('[R23] W12: returns the post to the PPK among the remaining finalists, then to a re-run when none remain', () => {
    const b = choose(shortlisted(aPlan([aPost('dinkes')])), 'dinkes', 'dinkes-a1');
    withdraw(b, 'declared');
    expect(b.stream.events.at(-1)).toMatchObject({
      type: 'AppointeeReleased',
      data: { cause: 'declared', remaining: ['dinkes-a2', 'dinkes-a3'], next: 'choose-again' },
    });
    expect(post(b, 'dinkes')).toMatchObject({ status: 'shortlisted' });
    expect(b.round.posts['dinkes']?.applicants.find((a) => a.applicantId === 'dinkes-a1')?.withdrawn).toBe(
      true,
    );
    expect(awaited(b, 'dinkes')).toBe('ChooseAppointee');
    choose(b, 'dinkes', 'dinkes-a2', 63);
    withdraw(b, 'final-check-failed', 64);
    expect(b.stream.events.at(-1)).toMatchObject({
      data: { remaining: ['dinkes-a3'], next: 'choose-again' },
    });
    choose(b, 'dinkes', 'dinkes-a3', 65);
    withdraw(b, 'declared', 66);
    expect(b.stream.events.at(-1)).toMatchObject({ data: { remaining: [], next: 'rerun-required' } });
    expect(post(b, 'dinkes')).toMatchObject({ status: 'rerun-required' });
    expect(awaited(b, 'dinkes')).toBe('RerunPost');
  });

  it('[R23] W12: refuses a withdrawal without a chosen finalist or without a note', () => {
    const b = shortlisted(aPlan([aPost('dinkes')]));
    const cmd = (note: string) =>
      command('WithdrawAppointee', { postId: 'dinkes', cause: 'declared', note }, b.day(61), 'operator');
    expect(tryDecide(cmd('x'), b.stream.state)).toMatchObject({
      ok: false,
      error: { code: 'POST.WRONG_STATUS' },
    });
    choose(b, 'dinkes', 'dinkes-a1');
    expect(tryDecide(cmd(' '), b.stream.state)).toMatchObject({
      ok: false,
      error: { code: 'REASON.REQUIRED' },
    });
  });
});
