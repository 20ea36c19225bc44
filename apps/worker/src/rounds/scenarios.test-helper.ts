import { aPlan, aPost, command, planOfPosts, WITHOUT_RECOMMENDATION } from '@selter/domain/testing';
import { RecordingBuilder } from './rounds.test-helper';

/** The reported rounds of the domain's scenarios (libs/domain/src/round/scenarios.spec.ts), as command scripts. */
export const SCENARIOS: Record<string, () => RecordingBuilder> = {
  'R7: 9 posts, 43 applicants, 6 without the home-PPK recommendation (Bulukumba)': () => {
    const b = new RecordingBuilder(planOfPosts(9)).announce();
    let n = 0;
    b.round.postIds.forEach((postId, p) =>
      b.register(postId, p < 7 ? 5 : 4, () => (n++ % 7 === 3 ? WITHOUT_RECOMMENDATION : {})),
    );
    return b.closeAll().verify();
  },
  'R18/R19: a post extended twice, then dropped by the oversight body (Papua Barat)': () => {
    const b = new RecordingBuilder(aPlan([aPost('dinkes'), aPost('bappeda')])).announce();
    b.register('dinkes', 2).register('bappeda', 4);
    b.run(command('CloseRegistration', { postId: 'bappeda' }, '2024-09-24'));
    b.run(command('ExtendRegistration', { postId: 'dinkes' }, '2024-09-24'));
    b.run(command('ExtendRegistration', { postId: 'dinkes' }, '2024-10-03'));
    b.run(command('CloseRegistration', { postId: 'dinkes' }, '2024-10-14'));
    const drop = {
      postId: 'dinkes',
      issuedBy: 'BKN',
      letterNumber: 'B-3',
      decision: 'drop',
      reason: '2 applicants',
    } as const;
    return b.run(command('DecideUnderfilledPost', drop, '2024-10-16', 'oversight'));
  },
  'R22: 2 of 3 finalists ineligible, the post re-run (Pemalang)': () => {
    const b = new RecordingBuilder(aPlan([aPost('sekda', 'sekda')]))
      .announce()
      .register('sekda', 5)
      .closeAll()
      .verify()
      .stages();
    const finalists = b.best('sekda');
    b.run(command('ProposeShortlist', { postId: 'sekda', finalists }, b.day(50), 'pansel'));
    const ineligible = finalists.slice(0, 2).map((applicantId) => ({
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
    const rerun = {
      postId: 'sekda',
      issuedBy: 'BKN',
      letterNumber: 'B-5',
      reason: 'BKN finding',
      registrationDeadline: '2024-11-20',
    } as const;
    b.run(command('RerunPost', rerun, '2024-11-04'));
    return b.register('sekda', 4, undefined, '2024-11-10');
  },
  'R24: a regency Sekda coordinated with the governor, then inaugurated': () => {
    const b = new RecordingBuilder(aPlan([aPost('sekda', 'sekda')]))
      .announce()
      .register('sekda', 4)
      .closeAll()
      .verify()
      .stages()
      .shortlist('sekda');
    b.run(
      command(
        'ChooseAppointee',
        { postId: 'sekda', applicantId: b.best('sekda')[0] ?? '' },
        b.day(60),
        'ppk',
      ),
    );
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
    return b.run(b.inaugurateCommand('sekda'));
  },
  'a kasn-2019 round to inauguration (KASN recommends, top 3 announced before review)': () => {
    const schedule = {
      announcementOn: '2024-05-13',
      registrationDeadline: '2024-05-28',
      referenceDate: '2024-05-28',
    };
    const b = new RecordingBuilder(aPlan(undefined, { schedule }), '2024-05-06', 'kasn-2019').announce();
    b.register('dinkes', 4).closeAll().verify().stages().shortlist('dinkes').appoint('dinkes');
    return b.run(b.inaugurateCommand('dinkes'));
  },
};
