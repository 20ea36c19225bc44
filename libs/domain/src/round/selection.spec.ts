import { tryDecide } from './decide';
import { STANDARD_STAGES, command } from '../testing/fixtures';
import { RoundBuilder, WITHOUT_RECOMMENDATION } from '../testing/builder';

const closed = (count = 5, profile?: Parameters<RoundBuilder['register']>[2]) =>
  new RoundBuilder().announce().register('dinkes', count, profile).closeAll();
const verified = (count = 5) => closed(count).verify();
const result = (applicantId: string, score: number) => ({ applicantId, score });

describe('round: administrative selection', () => {
  it('[R7] finds an applicant without the home-PPK recommendation ineligible, naming the rule', () => {
    const b = closed(4, (i) => (i === 0 ? WITHOUT_RECOMMENDATION : {}));
    b.run(
      command(
        'RecordAdministrativeVerdict',
        { postId: 'dinkes', applicantId: 'dinkes-a1' },
        b.day(24),
        'pansel',
      ),
    );
    expect(b.stream.events.at(-1)).toMatchObject({
      data: { verdict: 'ineligible', failed: [{ ruleId: 'R7', predicateId: 'home-ppk-recommendation' }] },
    });
  });

  it('[R11] finds an applicant aged 56 years 1 day ineligible with the dates in the reason', () => {
    const b = closed(4, (i) => (i === 0 ? { dateOfBirth: '1968-09-23' } : {}));
    b.run(
      command(
        'RecordAdministrativeVerdict',
        { postId: 'dinkes', applicantId: 'dinkes-a1' },
        b.day(24),
        'pansel',
      ),
    );
    const event = b.stream.events.at(-1);
    const failure = event?.type === 'AdministrativeVerdictRecorded' ? event.data.failed[0] : undefined;
    expect(failure?.reason.id).toContain('Usia 56 tahun 1 hari pada tanggal acuan 2024-09-24');
  });

  it('[R17] lets the pansel add a finding the declared data cannot show', () => {
    const b = closed(4);
    const findings = [{ ruleId: 'R17' as const, note: 'Surat pernyataan inspektorat tidak ditandatangani' }];
    b.run(
      command(
        'RecordAdministrativeVerdict',
        { postId: 'dinkes', applicantId: 'dinkes-a1', findings },
        b.day(24),
        'pansel',
      ),
    );
    expect(b.stream.events.at(-1)?.data).toMatchObject({
      verdict: 'ineligible',
      failed: [{ ruleId: 'R17', predicateId: 'pansel-finding' }],
    });
  });

  it('refuses a second verdict for the same applicant', () => {
    const b = closed(4);
    const verdict = command(
      'RecordAdministrativeVerdict',
      { postId: 'dinkes', applicantId: 'dinkes-a1' },
      b.day(24),
      'pansel',
    );
    b.run(verdict);
    expect(tryDecide(verdict, b.stream.state)).toMatchObject({
      ok: false,
      error: { code: 'APPLICANT.ALREADY_VERIFIED' },
    });
  });

  it('[R21] refuses to publish the administrative stage before every verdict', () => {
    const b = closed(4);
    expect(
      tryDecide(
        command('PublishStageResults', { postId: 'dinkes', stageId: 'admin' }, b.day(24), 'pansel'),
        b.stream.state,
      ),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'STAGE.RESULTS_INCOMPLETE',
        ruleId: 'R21',
        details: { missing: ['dinkes-a1', 'dinkes-a2', 'dinkes-a3', 'dinkes-a4'] },
      },
    });
  });
});

describe('round: competency stages', () => {
  it('[R21] refuses results for a stage whose predecessor is not published', () => {
    const b = verified();
    expect(
      tryDecide(
        command(
          'RecordStageResults',
          { postId: 'dinkes', stageId: 'paper', results: [] },
          b.day(30),
          'pansel',
        ),
        b.stream.state,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'STAGE.NOT_CURRENT', ruleId: 'R21', details: { currentStage: 'assessment' } },
    });
  });

  it('[R21] publishes ranked scores and who proceeds past the pass mark', () => {
    const b = verified(4);
    const results = [
      result('dinkes-a1', 70),
      result('dinkes-a2', 90),
      result('dinkes-a3', 59),
      result('dinkes-a4', 60),
    ];
    b.run(
      command(
        'RecordStageResults',
        { postId: 'dinkes', stageId: 'assessment', results },
        b.day(30),
        'pansel',
      ),
    );
    b.run(command('PublishStageResults', { postId: 'dinkes', stageId: 'assessment' }, b.day(31), 'pansel'));
    expect(b.stream.events.at(-1)?.data).toMatchObject({
      ranking: [
        { applicantId: 'dinkes-a2', rank: 1, stageScore: 90, total: 36, proceeds: true },
        { applicantId: 'dinkes-a1', rank: 2, stageScore: 70, total: 28, proceeds: true },
        { applicantId: 'dinkes-a4', rank: 3, stageScore: 60, total: 24, proceeds: true },
        { applicantId: 'dinkes-a3', rank: 4, stageScore: 59, total: 23.6, proceeds: false },
      ],
      proceeding: ['dinkes-a2', 'dinkes-a1', 'dinkes-a4'],
    });
  });

  it('[R21] refuses to publish while a participant has no score', () => {
    const b = verified(4);
    b.run(
      command(
        'RecordStageResults',
        { postId: 'dinkes', stageId: 'assessment', results: [result('dinkes-a1', 70)] },
        b.day(30),
        'pansel',
      ),
    );
    expect(
      tryDecide(
        command('PublishStageResults', { postId: 'dinkes', stageId: 'assessment' }, b.day(31), 'pansel'),
        b.stream.state,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'STAGE.RESULTS_INCOMPLETE' },
    });
  });

  it('records an absent participant as withdrawn', () => {
    const b = verified(4);
    b.run(
      command(
        'RecordStageResults',
        {
          postId: 'dinkes',
          stageId: 'assessment',
          results: [result('dinkes-a1', 70)],
          absent: ['dinkes-a2'],
        },
        b.day(30),
        'pansel',
      ),
    );
    expect(b.stream.events.at(-1)).toMatchObject({
      type: 'ApplicantWithdrawn',
      data: { applicantId: 'dinkes-a2', cause: 'absent', stageId: 'assessment' },
    });
    expect(
      tryDecide(
        command(
          'RecordStageResults',
          { postId: 'dinkes', stageId: 'assessment', results: [result('dinkes-a2', 80)] },
          b.day(30),
          'pansel',
        ),
        b.stream.state,
      ),
    ).toMatchObject({ ok: false, error: { code: 'APPLICANT.NOT_PROCEEDING' } });
  });

  it('refuses a score outside the stage range and a duplicate score', () => {
    const b = verified(4);
    expect(
      tryDecide(
        command(
          'RecordStageResults',
          { postId: 'dinkes', stageId: 'assessment', results: [result('dinkes-a1', 101)] },
          b.day(30),
          'pansel',
        ),
        b.stream.state,
      ),
    ).toMatchObject({ ok: false, error: { code: 'STAGE.SCORE_OUT_OF_RANGE' } });
    expect(
      tryDecide(
        command(
          'RecordStageResults',
          {
            postId: 'dinkes',
            stageId: 'assessment',
            results: [result('dinkes-a1', 80), result('dinkes-a1', 81)],
          },
          b.day(30),
          'pansel',
        ),
        b.stream.state,
      ),
    ).toMatchObject({ ok: false, error: { code: 'STAGE.RESULT_DUPLICATE' } });
  });

  it('[R27] refuses an assessment older than 3 years, with the dates', () => {
    const b = verified(4);
    const reused = {
      applicantId: 'dinkes-a1',
      score: 80,
      reusedAssessment: { assessedOn: '2021-09-01', provider: 'BKN Puspenkom' },
    };
    expect(
      tryDecide(
        command(
          'RecordStageResults',
          { postId: 'dinkes', stageId: 'assessment', results: [reused] },
          '2024-10-02',
          'pansel',
        ),
        b.stream.state,
      ),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'ASSESSMENT.EXPIRED',
        ruleId: 'R27',
        details: { assessedOn: '2021-09-01', validUntil: '2024-09-01', today: '2024-10-02' },
      },
    });
  });

  it('[R27] accepts a 2.5-year-old assessment under 3 years and refuses it under the 2-year variant', () => {
    const reused = {
      applicantId: 'dinkes-a1',
      score: 80,
      reusedAssessment: { assessedOn: '2022-04-01', provider: 'BKN Puspenkom' },
    };
    const record = command(
      'RecordStageResults',
      { postId: 'dinkes', stageId: 'assessment', results: [reused] },
      '2024-10-02',
      'pansel',
    );
    expect(tryDecide(record, verified(4).stream.state).ok).toBe(true);
    const twoYears = new RoundBuilder(undefined, '2024-09-02', 'bkn-2024-assessment-2y')
      .announce()
      .register('dinkes', 4)
      .closeAll()
      .verify();
    expect(tryDecide(record, twoYears.stream.state)).toMatchObject({
      ok: false,
      error: { code: 'ASSESSMENT.EXPIRED', details: { validityYears: 2 } },
    });
  });
});

describe('round: rules fixed before the round starts', () => {
  it('refuses to revise the plan after the announcement', () => {
    const b = new RoundBuilder().announce();
    expect(
      tryDecide(command('RevisePlan', { plan: b.plan, reason: 'pass mark 70' }, b.day(8)), b.stream.state),
    ).toMatchObject({
      ok: false,
      error: { code: 'ROUND.RULES_FROZEN' },
    });
  });

  it('amends a pass mark only with a reason and the approval of the body holding the gate', () => {
    const b = verified(4);
    const stage = { ...STANDARD_STAGES[4]!, passMark: 70 };
    const amend = (issuedBy: 'BKN' | 'KASN', reason: string) =>
      command('AmendStage', { stage, issuedBy, letterNumber: 'B-7', reason }, b.day(26), 'oversight');
    expect(tryDecide(amend('BKN', ''), b.stream.state)).toMatchObject({
      ok: false,
      error: { code: 'REASON.REQUIRED' },
    });
    expect(tryDecide(amend('KASN', 'x'), b.stream.state)).toMatchObject({
      ok: false,
      error: { code: 'GATE.WRONG_AUTHORITY' },
    });
    b.run(amend('BKN', 'Pass mark announced in an addendum'));
    expect(b.round.stages[4]?.passMark).toBe(70);
  });

  it('refuses to amend a stage that already has results', () => {
    const b = verified(4).stages(1);
    const stage = { ...STANDARD_STAGES[1]!, passMark: 70 };
    expect(
      tryDecide(
        command(
          'AmendStage',
          { stage, issuedBy: 'BKN', letterNumber: 'B-7', reason: 'x' },
          b.day(40),
          'oversight',
        ),
        b.stream.state,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'STAGE.ALREADY_HAS_RESULTS' },
    });
  });
});
