import { tryDecide } from './decide';
import type { RoundEvent } from './events';
import { aPlan, aPost, command } from '../testing/fixtures';
import { planOfPosts, RoundBuilder, WITHOUT_RECOMMENDATION } from '../testing/builder';
import { fold } from '../testing/run';

const types = (events: readonly RoundEvent[]) => events.map((e) => e.type);

describe('scenarios from reported rounds', () => {
  it('[R7] 9 posts, 43 applicants: 6 lack the home-PPK recommendation and 37 proceed (Bulukumba)', () => {
    const b = new RoundBuilder(planOfPosts(9)).announce();
    let n = 0;
    b.round.postIds.forEach((postId, p) =>
      b.register(postId, p < 7 ? 5 : 4, () => (n++ % 7 === 3 ? WITHOUT_RECOMMENDATION : {})),
    );
    b.closeAll().verify();
    const verdicts = b.stream.events.filter((e) => e.type === 'AdministrativeVerdictRecorded');
    expect(verdicts).toHaveLength(43);
    const failed = verdicts.filter((e) => e.data.verdict === 'ineligible');
    expect(failed).toHaveLength(6);
    expect(failed.every((e) => e.data.failed.every((f) => f.ruleId === 'R7'))).toBe(true);
    const published = b.stream.events.filter((e) => e.type === 'StageResultsPublished');
    expect(published.reduce((sum, e) => sum + e.data.proceeding.length, 0)).toBe(37);
  });

  it('[R18] [R19] a post with 2 applicants is extended twice and then dropped by the oversight body (Papua Barat)', () => {
    const b = new RoundBuilder(aPlan([aPost('dinkes'), aPost('bappeda')]))
      .announce()
      .register('dinkes', 2)
      .register('bappeda', 4);
    b.run(command('CloseRegistration', { postId: 'bappeda' }, '2024-09-24'));
    b.run(command('ExtendRegistration', { postId: 'dinkes' }, '2024-09-24'));
    b.run(command('ExtendRegistration', { postId: 'dinkes' }, '2024-10-03'));
    b.run(command('CloseRegistration', { postId: 'dinkes' }, '2024-10-14'));
    b.run(
      command(
        'DecideUnderfilledPost',
        { postId: 'dinkes', issuedBy: 'BKN', letterNumber: 'B-3', decision: 'drop', reason: '2 applicants' },
        '2024-10-16',
        'oversight',
      ),
    );
    expect(
      types(b.stream.events.filter((e) => 'postId' in e.data && e.data.postId === 'dinkes')).filter(
        (t) => t !== 'ApplicantRegistered',
      ),
    ).toEqual([
      'RegistrationExtended',
      'RegistrationExtended',
      'MinimumApplicantsNotReached',
      'UnderfilledPostDecided',
    ]);
    expect(b.round.posts['dinkes']?.status).toBe('dropped');
    expect(b.round.posts['bappeda']?.status).toBe('selection');
  });

  it('[R22] 2 of 3 finalists found ineligible by the overseer, so the post is re-run (Pemalang)', () => {
    const plan = aPlan([aPost('sekda', 'sekda')]);
    const b = new RoundBuilder(plan).announce().register('sekda', 5).closeAll().verify().stages();
    const [first, second, third] = b.best('sekda');
    b.run(
      command(
        'ProposeShortlist',
        { postId: 'sekda', finalists: [first!, second!, third!] },
        b.day(50),
        'pansel',
      ),
    );
    const ineligible = [first!, second!].map((applicantId) => ({
      applicantId,
      ruleId: 'R10' as const,
      reason: { id: 'Jabatan administrator < 2 tahun', en: 'Administrator < 2 years' },
    }));
    b.run(
      command(
        'ReviewShortlist',
        { postId: 'sekda', issuedBy: 'BKN', letterNumber: 'R-1', ineligible },
        b.day(55),
        'oversight',
      ),
    );
    expect(b.round.posts['sekda']?.status).toBe('rerun-required');
    expect(
      tryDecide(
        command('ChooseAppointee', { postId: 'sekda', applicantId: third! }, b.day(60), 'ppk'),
        b.stream.state,
      ).ok,
    ).toBe(false);
    b.run(
      command(
        'RerunPost',
        {
          postId: 'sekda',
          issuedBy: 'BKN',
          letterNumber: 'B-5',
          reason: 'KASN/BKN finding',
          registrationDeadline: '2024-11-20',
        },
        '2024-11-04',
      ),
    );
    expect(b.round.posts['sekda']).toMatchObject({
      status: 'registration',
      run: 2,
      applicants: [],
      deadline: '2024-11-20',
    });
    b.register('sekda', 4, undefined, '2024-11-10');
    expect(b.round.posts['sekda']?.applicants).toHaveLength(4);
  });

  it('[R4] refuses a re-run of a postponed post with less than 15 days of notice', () => {
    const b = new RoundBuilder(aPlan([aPost('dinkes'), aPost('bappeda')]))
      .announce()
      .register('dinkes', 2)
      .register('bappeda', 4);
    b.run(command('ExtendRegistration', { postId: 'dinkes' }, '2024-09-24'));
    b.run(command('ExtendRegistration', { postId: 'dinkes' }, '2024-10-03'));
    b.run(command('CloseRegistration', { postId: 'dinkes' }, '2024-10-14'));
    b.run(
      command(
        'DecideUnderfilledPost',
        {
          postId: 'dinkes',
          issuedBy: 'BKN',
          letterNumber: 'B-3',
          decision: 'postpone',
          reason: 'talent route',
        },
        '2024-10-16',
        'oversight',
      ),
    );
    const rerun = (registrationDeadline: string) =>
      command(
        'RerunPost',
        {
          postId: 'dinkes',
          issuedBy: 'BKN',
          letterNumber: 'B-4',
          reason: 'new attempt',
          registrationDeadline,
        },
        '2024-11-01',
      );
    expect(tryDecide(rerun('2024-11-11'), b.stream.state)).toMatchObject({
      ok: false,
      error: { code: 'ROUND.ANNOUNCEMENT_LEAD_TOO_SHORT', ruleId: 'R4' },
    });
    expect(tryDecide(rerun('2024-11-16'), b.stream.state).ok).toBe(true);
  });

  it('[R24] a regency Sekda is coordinated with the governor, who agrees before the decree, then inaugurated', () => {
    const b = new RoundBuilder(aPlan([aPost('sekda', 'sekda')]))
      .announce()
      .register('sekda', 4)
      .closeAll()
      .verify()
      .stages()
      .shortlist('sekda');
    const appointee = b.best('sekda')[0]!;
    b.run(command('ChooseAppointee', { postId: 'sekda', applicantId: appointee }, b.day(60), 'ppk'));
    b.run(command('ReportToGovernor', { postId: 'sekda', letterNumber: '800/1/GUB' }, b.day(61)));
    b.run(
      command(
        'RecordGovernorReply',
        { postId: 'sekda', letterNumber: '100.2/GUB/7', decision: 'agreed' },
        b.day(63),
      ),
    );
    b.run(
      command(
        'RecordInaugurationRecommendation',
        { postId: 'sekda', issuedBy: 'BKN', letterNumber: 'I-1' },
        b.day(65),
        'oversight',
      ),
    );
    b.run(command('IssueAppointmentDecree', { postId: 'sekda', decreeNumber: '821/1' }, b.day(66), 'ppk'));
    b.run(b.inaugurateCommand('sekda'));
    expect(types(b.stream.events).slice(-7)).toEqual([
      'AppointeeChosen',
      'AppointeeReportedToGovernor',
      'GovernorReplied',
      'InaugurationRecommended',
      'AppointmentDecreed',
      'AppointeeInaugurated',
      'RoundClosed',
    ]);
  });

  describe('the same plan under kasn-2019 and bkn-2024', () => {
    const kasnPlan = aPlan(undefined, {
      schedule: {
        announcementOn: '2024-05-13',
        registrationDeadline: '2024-05-28',
        referenceDate: '2024-05-28',
      },
    });
    const kasn = () => new RoundBuilder(kasnPlan, '2024-05-06', 'kasn-2019');
    const bkn = () => new RoundBuilder(aPlan(), '2024-09-02', 'bkn-2024');

    it('takes the plan recommendation from KASN under kasn-2019 and from BKN under bkn-2024', () => {
      const k = kasn().run(command('SubmitPlanForRecommendation', {}, '2024-05-07'));
      const n = bkn().run(command('SubmitPlanForRecommendation', {}, '2024-09-03'));
      const fromKasn = (date: string) =>
        command(
          'RecordPlanRecommendation',
          { issuedBy: 'KASN', letterNumber: 'B-1', decision: 'approved' },
          date,
          'oversight',
        );
      expect(tryDecide(fromKasn('2024-05-08'), k.stream.state).ok).toBe(true);
      expect(tryDecide(fromKasn('2024-09-04'), n.stream.state)).toMatchObject({
        ok: false,
        error: { code: 'GATE.WRONG_AUTHORITY' },
      });
    });

    it('[R22] lets kasn-2019 announce the top 3 before the review and makes bkn-2024 wait for BKN', () => {
      const k = kasn().announce().register('dinkes', 4).closeAll().verify().stages();
      const n = bkn().announce().register('dinkes', 4).closeAll().verify().stages();
      for (const b of [k, n])
        b.run(
          command('ProposeShortlist', { postId: 'dinkes', finalists: b.best('dinkes') }, b.day(50), 'pansel'),
        );
      const announce = command('AnnounceShortlist', { postId: 'dinkes' }, '2024-11-01', 'pansel');
      expect(tryDecide(announce, k.stream.state).ok).toBe(true);
      expect(tryDecide(announce, n.stream.state)).toMatchObject({
        ok: false,
        error: { code: 'SHORTLIST.REVIEW_REQUIRED' },
      });
    });

    it('[R22] a kasn-2019 round planned in June 2024 and decided in October 2024: KASN-era numbers, BKN reviews the shortlist, a KASN letter is refused after the handover', () => {
      const june = aPlan(undefined, {
        schedule: {
          announcementOn: '2024-06-10',
          registrationDeadline: '2024-06-25',
          referenceDate: '2024-06-25',
        },
      });
      const k = new RoundBuilder(june, '2024-06-03', 'kasn-2019').announce();
      expect(k.stream.events.find((e) => e.type === 'PlanRecommended')?.data).toMatchObject({
        issuedBy: 'KASN',
      });
      k.register('dinkes', 4).closeAll().verify().stages();
      const finalists = k.best('dinkes');
      k.run(command('ProposeShortlist', { postId: 'dinkes', finalists }, '2024-09-30', 'pansel'));
      // The numbers and stages stay kasn-2019's: 3 finalists, announced before the review (R22, KASN era).
      expect(fold(k.stream.events)).toMatchObject({ policyId: 'kasn-2019' });
      expect(finalists).toHaveLength(3);
      k.run(command('AnnounceShortlist', { postId: 'dinkes' }, '2024-10-01', 'pansel'));
      const review = (issuedBy: string) =>
        command(
          'ReviewShortlist',
          { postId: 'dinkes', issuedBy, letterNumber: 'R-1' },
          '2024-10-02',
          'oversight',
        );
      expect(tryDecide(review('KASN'), k.stream.state)).toMatchObject({
        ok: false,
        error: {
          code: 'GATE.WRONG_AUTHORITY',
          details: {
            gate: 'shortlistReview',
            policyId: 'kasn-2019',
            expected: 'BKN',
            actual: 'KASN',
            on: '2024-10-02',
          },
        },
      });
      const refusal = tryDecide(review('KASN'), k.stream.state);
      expect(refusal.ok ? '' : refusal.error.reason.en).toContain('Perpres 92/2024');
      expect(tryDecide(review('BKN'), k.stream.state)).toMatchObject({
        ok: true,
        events: [{ type: 'ShortlistReviewed', data: { issuedBy: 'BKN' } }],
      });
    });

    it('[R22] refuses BKN for a kasn-2019 round before the handover, when KASN held the gates', () => {
      const k = kasn().run(command('SubmitPlanForRecommendation', {}, '2024-05-07'));
      const recommend = (issuedBy: string, date: string) =>
        command(
          'RecordPlanRecommendation',
          { issuedBy, letterNumber: 'B-1', decision: 'approved' },
          date,
          'oversight',
        );
      expect(tryDecide(recommend('BKN', '2024-08-22'), k.stream.state)).toMatchObject({
        ok: false,
        error: { code: 'GATE.WRONG_AUTHORITY', details: { expected: 'KASN', on: '2024-08-22' } },
      });
      expect(tryDecide(recommend('KASN', '2024-08-22'), k.stream.state).ok).toBe(true);
      expect(tryDecide(recommend('BKN', '2024-08-23'), k.stream.state).ok).toBe(true);
    });
  });
});
