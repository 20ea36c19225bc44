import { tryDecide } from './decide';
import { aPlan, aPost, command } from '../testing/fixtures';
import { RoundBuilder, WITHOUT_RECOMMENDATION, WITNESSES } from '../testing/builder';

const scored = (plan = aPlan(), count = 5, policyId = 'bkn-2024', ineligibleFrom = count) =>
  new RoundBuilder(plan, '2024-09-02', policyId)
    .announce()
    .register(plan.posts[0]!.postId, count, (i) => (i >= ineligibleFrom ? WITHOUT_RECOMMENDATION : {}))
    .closeAll()
    .verify()
    .stages(Number.POSITIVE_INFINITY, (_a, i) => 90 - i * 5);

describe('round: shortlist', () => {
  it('[R20] refuses a shortlist before every stage is published', () => {
    const b = new RoundBuilder().announce().register('dinkes', 5).closeAll().verify().stages(3);
    expect(
      tryDecide(
        command('ProposeShortlist', { postId: 'dinkes', finalists: ['dinkes-a1'] }, b.day(50), 'pansel'),
        b.stream.state,
      ),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'SHORTLIST.INCOMPLETE_STAGES',
        ruleId: 'R20',
        details: { unpublished: ['interview', 'health'] },
      },
    });
  });

  it('[R22] proposes the 3 best with their ranks', () => {
    const b = scored();
    b.run(
      command(
        'ProposeShortlist',
        { postId: 'dinkes', finalists: ['dinkes-a3', 'dinkes-a1', 'dinkes-a2'] },
        b.day(50),
        'pansel',
      ),
    );
    expect(b.stream.events.at(-1)?.data).toMatchObject({
      finalists: [
        { applicantId: 'dinkes-a1', rank: 1 },
        { applicantId: 'dinkes-a2', rank: 2 },
        { applicantId: 'dinkes-a3', rank: 3 },
      ],
      fewerThanRequired: false,
    });
  });

  it('[R22] refuses 4 names, a lower-scoring name and fewer names than qualify', () => {
    const b = scored();
    const propose = (finalists: string[]) =>
      tryDecide(
        command('ProposeShortlist', { postId: 'dinkes', finalists }, b.day(50), 'pansel'),
        b.stream.state,
      );
    expect(propose(['dinkes-a1', 'dinkes-a2', 'dinkes-a3', 'dinkes-a4'])).toMatchObject({
      ok: false,
      error: { code: 'SHORTLIST.TOO_LONG' },
    });
    expect(propose(['dinkes-a1', 'dinkes-a2', 'dinkes-a5'])).toMatchObject({
      ok: false,
      error: { code: 'SHORTLIST.NOT_BEST_SCORES', details: { better: ['dinkes-a3', 'dinkes-a4'] } },
    });
    expect(propose(['dinkes-a1', 'dinkes-a2'])).toMatchObject({
      ok: false,
      error: { code: 'SHORTLIST.TOO_SHORT' },
    });
  });

  it('[R22] refuses an applicant eliminated at a stage', () => {
    const b = new RoundBuilder()
      .announce()
      .register('dinkes', 5)
      .closeAll()
      .verify()
      .stages(Number.POSITIVE_INFINITY, (_a, i) => (i === 4 ? 40 : 90 - i));
    expect(
      tryDecide(
        command(
          'ProposeShortlist',
          { postId: 'dinkes', finalists: ['dinkes-a1', 'dinkes-a2', 'dinkes-a5'] },
          b.day(50),
          'pansel',
        ),
        b.stream.state,
      ),
    ).toMatchObject({ ok: false, error: { code: 'SHORTLIST.NOT_QUALIFIED' } });
  });

  it('[R22] sends a post with 2 qualified to a re-run unless the overseer accepts fewer', () => {
    const b = scored(aPlan(), 4, 'bkn-2024', 2);
    b.run(
      command(
        'ProposeShortlist',
        { postId: 'dinkes', finalists: ['dinkes-a1', 'dinkes-a2'] },
        b.day(50),
        'pansel',
      ),
    );
    expect(b.stream.events.at(-1)?.data).toMatchObject({ fewerThanRequired: true });
    const review = (acceptFewer: boolean) =>
      command(
        'ReviewShortlist',
        { postId: 'dinkes', issuedBy: 'BKN', letterNumber: 'R-1', acceptFewer },
        b.day(55),
        'oversight',
      );
    expect(tryDecide(review(false), b.stream.state)).toMatchObject({
      ok: true,
      events: [{ data: { outcome: 'rerun-required' } }],
    });
    expect(tryDecide(review(true), b.stream.state)).toMatchObject({
      ok: true,
      events: [{ data: { outcome: 'approved', acceptedFewer: true } }],
    });
  });

  it('[R22] announces the top 3 under bkn-2024 only after BKN approval (I-MUT)', () => {
    const b = scored();
    b.run(
      command('ProposeShortlist', { postId: 'dinkes', finalists: b.best('dinkes') }, b.day(50), 'pansel'),
    );
    expect(
      tryDecide(command('AnnounceShortlist', { postId: 'dinkes' }, b.day(51), 'pansel'), b.stream.state),
    ).toMatchObject({
      ok: false,
      error: { code: 'SHORTLIST.REVIEW_REQUIRED' },
    });
  });

  it('[R22] announces the top 3 under kasn-2019 before the KASN review', () => {
    const plan = aPlan(undefined, {
      schedule: {
        announcementOn: '2023-05-09',
        registrationDeadline: '2023-05-24',
        referenceDate: '2023-05-24',
      },
    });
    const b = new RoundBuilder(plan, '2023-05-02', 'kasn-2019')
      .announce()
      .register('dinkes', 4)
      .closeAll()
      .verify()
      .stages();
    b.run(
      command('ProposeShortlist', { postId: 'dinkes', finalists: b.best('dinkes') }, b.day(50), 'pansel'),
    );
    expect(
      tryDecide(command('AnnounceShortlist', { postId: 'dinkes' }, b.day(51), 'pansel'), b.stream.state).ok,
    ).toBe(true);
  });
});

describe('round: the PPK choice', () => {
  const ready = (plan = aPlan()) => {
    const b = scored(plan);
    return b.shortlist(plan.posts[0]!.postId);
  };

  it('[R23] refuses a name that is not a finalist of the post', () => {
    const b = ready();
    expect(
      tryDecide(
        command('ChooseAppointee', { postId: 'dinkes', applicantId: 'dinkes-a4' }, b.day(60), 'ppk'),
        b.stream.state,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'POST.NOT_A_FINALIST', ruleId: 'R23' },
    });
  });

  it("[R23] refuses another post's finalist and says whose finalist it is", () => {
    const plan = aPlan([aPost('a'), aPost('b')]);
    const b = new RoundBuilder(plan)
      .announce()
      .register('a', 4)
      .register('b', 4)
      .closeAll()
      .verify()
      .stages();
    b.shortlist('a').shortlist('b');
    const other = b.best('b')[0]!;
    expect(
      tryDecide(
        command('ChooseAppointee', { postId: 'a', applicantId: other }, b.day(60), 'ppk'),
        b.stream.state,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'POST.NOT_A_FINALIST', details: { finalistOf: ['b'] } },
    });
  });

  it('[R23] refuses a finalist who withdrew and accepts another finalist', () => {
    const b = ready();
    b.run(
      command(
        'WithdrawApplicant',
        { postId: 'dinkes', applicantId: 'dinkes-a1', cause: 'declared', note: 'moved' },
        b.day(58),
      ),
    );
    expect(
      tryDecide(
        command('ChooseAppointee', { postId: 'dinkes', applicantId: 'dinkes-a1' }, b.day(60), 'ppk'),
        b.stream.state,
      ).ok,
    ).toBe(false);
    expect(
      tryDecide(
        command('ChooseAppointee', { postId: 'dinkes', applicantId: 'dinkes-a2' }, b.day(60), 'ppk'),
        b.stream.state,
      ).ok,
    ).toBe(true);
  });

  it('[R24] refuses a governor report for a post that is not a regency Sekda', () => {
    const b = ready().appoint('dinkes');
    expect(
      tryDecide(
        command('ReportToGovernor', { postId: 'dinkes', letterNumber: 'x' }, b.day(67)),
        b.stream.state,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'POST.GATE_NOT_APPLICABLE' },
    });
  });

  it('refuses the decree without the oversight inauguration recommendation', () => {
    const b = ready();
    b.run(command('ChooseAppointee', { postId: 'dinkes', applicantId: 'dinkes-a1' }, b.day(60), 'ppk'));
    expect(
      tryDecide(
        command('IssueAppointmentDecree', { postId: 'dinkes', decreeNumber: '1' }, b.day(63), 'ppk'),
        b.stream.state,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'GATE.APPROVAL_MISSING' },
    });
  });
});

describe('round: inauguration', () => {
  const decreed = (plan = aPlan()) =>
    scored(plan).shortlist(plan.posts[0]!.postId).appoint(plan.posts[0]!.postId);

  it('[R26] inaugurates with 2 witnesses of at least the same post level and closes the round', () => {
    const b = decreed();
    b.run(b.inaugurateCommand('dinkes'));
    expect(b.stream.events.slice(-2).map((e) => e.type)).toEqual(['AppointeeInaugurated', 'RoundClosed']);
    expect(b.stream.state).toMatchObject({ status: 'closed' });
  });

  it('[R26] refuses one witness, the same witness twice, and an administrator as witness', () => {
    const b = decreed();
    const witnessed = (witnesses: typeof WITNESSES) =>
      tryDecide(b.inaugurateCommand('dinkes', witnesses), b.stream.state);
    expect(witnessed([WITNESSES[0]!])).toMatchObject({
      ok: false,
      error: { code: 'OATH.WITNESSES_INVALID', ruleId: 'R26' },
    });
    expect(witnessed([WITNESSES[0]!, WITNESSES[0]!])).toMatchObject({
      ok: false,
      error: { code: 'OATH.WITNESSES_INVALID' },
    });
    expect(witnessed([WITNESSES[0]!, { nip: 'w3', name: 'Kabid', level: 'administrator' }])).toMatchObject({
      ok: false,
      error: { details: { junior: ['w3'] } },
    });
  });

  it('[R29] refuses the decree from 6 months before the candidate determination without Mendagri approval', () => {
    const plan = aPlan(undefined, {
      electionCalendar: { candidateDeterminationOn: '2025-04-15', termEndsOn: '2025-12-31' },
    });
    const b = scored(plan).shortlist('dinkes');
    b.run(
      command('ChooseAppointee', { postId: 'dinkes', applicantId: b.best('dinkes')[0]! }, b.day(60), 'ppk'),
    );
    b.run(
      command(
        'RecordInaugurationRecommendation',
        { postId: 'dinkes', issuedBy: 'BKN', letterNumber: 'I-1' },
        b.day(62),
        'oversight',
      ),
    );
    const decree = command(
      'IssueAppointmentDecree',
      { postId: 'dinkes', decreeNumber: '1' },
      '2024-11-20',
      'ppk',
    );
    expect(tryDecide(decree, b.stream.state)).toMatchObject({
      ok: false,
      error: {
        code: 'ROUND.ELECTION_WINDOW_APPROVAL_MISSING',
        ruleId: 'R29',
        details: { window: 'before-candidate-determination' },
      },
    });
    b.run(
      command(
        'RecordMendagriApproval',
        { purpose: 'inauguration', postId: 'dinkes', letterNumber: '100.2.2.6/77' },
        '2024-11-18',
      ),
    );
    expect(tryDecide(decree, b.stream.state).ok).toBe(true);
  });

  it('[R33] refuses the decree for an appointee who reached 60', () => {
    const plan = aPlan(undefined, {
      schedule: {
        announcementOn: '2024-09-09',
        registrationDeadline: '2024-09-24',
        referenceDate: '2024-09-24',
      },
    });
    const b = new RoundBuilder(plan)
      .announce()
      .register('dinkes', 4, (i) =>
        i === 0
          ? { dateOfBirth: '1964-10-01', presidentialException: { ruleIds: ['R11'], letterNumber: 'P-1' } }
          : {},
      )
      .closeAll()
      .verify()
      .stages(Number.POSITIVE_INFINITY, (_a, i) => 95 - i)
      .shortlist('dinkes');
    b.run(command('ChooseAppointee', { postId: 'dinkes', applicantId: 'dinkes-a1' }, b.day(60), 'ppk'));
    b.run(
      command(
        'RecordInaugurationRecommendation',
        { postId: 'dinkes', issuedBy: 'BKN', letterNumber: 'I-1' },
        b.day(62),
        'oversight',
      ),
    );
    expect(
      tryDecide(
        command('IssueAppointmentDecree', { postId: 'dinkes', decreeNumber: '1' }, '2024-10-02', 'ppk'),
        b.stream.state,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'APPLICANT.RETIREMENT_AGE_REACHED', ruleId: 'R33' },
    });
  });
});

describe('round: cancellation', () => {
  it('cancels a post and the round only with a reason', () => {
    const b = new RoundBuilder(aPlan([aPost('a'), aPost('b')])).announce();
    expect(
      tryDecide(command('CancelPost', { postId: 'a', reason: '' }, b.day(8)), b.stream.state),
    ).toMatchObject({ ok: false, error: { code: 'REASON.REQUIRED' } });
    b.run(command('CancelPost', { postId: 'a', reason: 'Reorganisation' }, b.day(8)));
    expect(b.round.posts['a']).toMatchObject({ status: 'cancelled', reason: 'Reorganisation' });
    b.run(command('CancelRound', { reason: 'Budget withdrawn' }, b.day(9)));
    expect(b.stream.state).toMatchObject({ status: 'cancelled', reason: 'Budget withdrawn' });
    expect(tryDecide(command('CancelRound', { reason: 'again' }, b.day(10)), b.stream.state)).toMatchObject({
      ok: false,
      error: { code: 'ROUND.WRONG_STATUS' },
    });
  });
});
