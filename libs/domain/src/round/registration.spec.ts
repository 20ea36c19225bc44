import { createRoundDecider, tryDecide } from './decide';
import type { AnnounceRound } from './commands';
import { evolve } from './evolve';
import { aPansel, aPlan, aPost, anAnnouncement, anApplicant, command } from '../testing/fixtures';
import { RoundBuilder } from '../testing/builder';
import { tryDecideWith } from '../shared/errors';

const announce = (data: Partial<AnnounceRound['data']>, date = '2024-09-09') =>
  command('AnnounceRound', { ...anAnnouncement(aPlan()), ...data }, date);

function recommended(plan = aPlan()): RoundBuilder {
  const b = new RoundBuilder(plan);
  b.run(command('SubmitPlanForRecommendation', {}, b.day(1)));
  return b.run(
    command(
      'RecordPlanRecommendation',
      { issuedBy: 'BKN', letterNumber: 'B-1', decision: 'approved' },
      b.day(3),
      'oversight',
    ),
  );
}

describe('round: announcement', () => {
  it('freezes the stage catalogue and the policy version', () => {
    const b = recommended().run(announce({}));
    expect(b.stream.events.at(-1)).toMatchObject({
      type: 'RoundAnnounced',
      data: { policyId: 'bkn-2024', announcedOn: '2024-09-09' },
    });
    expect(b.round.stages).toHaveLength(6);
  });

  it('[R4] refuses an announcement 14 days before the deadline, naming the counting convention', () => {
    expect(tryDecide(announce({}, '2024-09-10'), recommended().stream.state)).toMatchObject({ ok: true });
    const refused = tryDecide(announce({}, '2024-09-11'), recommended().stream.state);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'ROUND.ANNOUNCEMENT_LEAD_TOO_SHORT',
        ruleId: 'R4',
        details: { earliest: '2024-09-25', convention: 'announcement-day-counts', counting: 'calendar' },
      },
    });
    expect(refused.ok ? '' : refused.error.reason.en).toContain(
      '15 calendar days, the announcement day counted',
    );
    expect(refused.ok ? '' : refused.error.reason.id).toContain('15 hari kalender, hari pengumuman dihitung');
  });

  it('[R5] refuses an announcement limited to the agency', () => {
    expect(tryDecide(announce({ reach: 'agency' }), recommended().stream.state)).toMatchObject({
      ok: false,
      error: { code: 'ROUND.ANNOUNCEMENT_REACH_TOO_NARROW', ruleId: 'R5' },
    });
  });

  it('[R6] refuses an announcement without the secretariat contact or a post requirement', () => {
    expect(tryDecide(announce({ secretariatContact: ' ' }), recommended().stream.state)).toMatchObject({
      ok: false,
      error: {
        code: 'ROUND.ANNOUNCEMENT_INCOMPLETE',
        ruleId: 'R6',
        details: { missing: ['secretariatContact'] },
      },
    });
    const bare = recommended(aPlan([aPost('dinkes', 'regular', { requirements: { notes: [] } })]));
    expect(tryDecide(announce({}), bare.stream.state)).toMatchObject({
      ok: false,
      error: { details: { missing: ['dinkes.requirements'] } },
    });
  });

  it("[R6] refuses an announcement without the media, a stage's dates or a stage's method", () => {
    const state = recommended().stream.state;
    const { stageSchedule = [] } = anAnnouncement(aPlan());
    const refused = tryDecide(
      announce({ media: [' '], stageSchedule: stageSchedule.filter((s) => s.stageId !== 'paper') }),
      state,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'ROUND.ANNOUNCEMENT_INCOMPLETE',
        ruleId: 'R6',
        details: { missing: ['media', 'stageSchedule.paper'] },
      },
    });
    const { media: _m, stageSchedule: _s, ...bare } = anAnnouncement(aPlan());
    expect(tryDecide(command('AnnounceRound', bare, '2024-09-09'), state)).toMatchObject({
      error: { details: { missing: ['media', ...stageSchedule.map((s) => `stageSchedule.${s.stageId}`)] } },
    });
    const early = stageSchedule.map((s, i) => (i === 0 ? { ...s, from: '2024-09-20' } : s));
    expect(tryDecide(announce({ stageSchedule: early }), state)).toMatchObject({
      error: { details: { missing: ['stageSchedule.admin'] } },
    });
    const methodless = recommended(
      aPlan(undefined, { stages: aPlan().stages.map((s, i) => (i === 1 ? { ...s, method: ' ' } : s)) }),
    );
    expect(tryDecide(announce({}), methodless.stream.state)).toMatchObject({
      error: { details: { missing: ['stages.assessment.method'] } },
    });
  });

  it('[R6] records the schedule and the media; an old announcement without them replays as decided', () => {
    const b = recommended().run(announce({}));
    expect(b.stream.events.at(-1)?.data).toMatchObject({
      stageSchedule: anAnnouncement(aPlan()).stageSchedule,
      media: anAnnouncement(aPlan()).media,
    });
    const { media: _m, stageSchedule: _s, ...old } = anAnnouncement(aPlan());
    const replaying = createRoundDecider(undefined, undefined, { announcementContentOptional: true });
    const result = tryDecideWith(
      replaying.decide,
      command('AnnounceRound', old, '2024-09-09'),
      recommended().stream.state,
    );
    expect(result.ok).toBe(true);
    const [event] = result.ok ? result.events : [];
    expect(event?.data).not.toHaveProperty('media');
    const state = event ? evolve(recommended().stream.state, event) : undefined;
    expect(state).toMatchObject({ status: 'announced', announcement: { reach: 'national' } });
    expect(state?.status === 'announced' && state.announcement).not.toHaveProperty('stageSchedule');
  });

  it('[R29] refuses to announce under an acting head without the Mendagri approval, accepts with it', () => {
    const b = recommended(aPlan(undefined, { electionCalendar: { actingHead: true } }));
    expect(tryDecide(announce({}), b.stream.state)).toMatchObject({
      ok: false,
      error: { code: 'ROUND.ELECTION_WINDOW_APPROVAL_MISSING', ruleId: 'R29' },
    });
    b.run(
      command(
        'RecordMendagriApproval',
        { purpose: 'selection', letterNumber: '100.2.2.6/1234/OTDA' },
        b.day(5),
      ),
    );
    expect(tryDecide(announce({}), b.stream.state).ok).toBe(true);
  });

  it('[R29] refuses within 6 months after the head of region was inaugurated', () => {
    const b = recommended(aPlan(undefined, { electionCalendar: { headInauguratedOn: '2024-04-01' } }));
    expect(tryDecide(announce({}), b.stream.state)).toMatchObject({
      ok: false,
      error: { details: { window: 'after-head-inauguration' } },
    });
  });
});

describe('round: registration', () => {
  const announced = () => new RoundBuilder().announce();

  it('registers an applicant and records pansel members with a declared conflict of interest', () => {
    const members = aPansel(5, 2, { conflictsOfInterest: [{ nip: 'N-1', nature: 'sibling' }] });
    const b = new RoundBuilder(aPlan(undefined, { pansel: { decreeNumber: 'x', members } })).announce();
    b.run(
      command(
        'RegisterApplicant',
        { postId: 'dinkes', applicantId: 'a1', applicant: anApplicant('N-1'), invited: true },
        b.day(10),
      ),
    );
    expect(b.stream.events.at(-1)).toMatchObject({
      type: 'ApplicantRegistered',
      data: { invited: true, conflictedMembers: ['m1'] },
    });
  });

  it('[R3] records no conflict for an applicant no member declared', () => {
    const b = announced().register('dinkes', 1);
    expect(b.stream.events.at(-1)?.data).toMatchObject({ conflictedMembers: [] });
  });

  it('refuses a registration after the deadline with ROUND.REGISTRATION_CLOSED', () => {
    const b = announced();
    const late = command(
      'RegisterApplicant',
      { postId: 'dinkes', applicantId: 'a1', applicant: anApplicant('1') },
      '2024-09-25',
    );
    expect(tryDecide(late, b.stream.state)).toMatchObject({
      ok: false,
      error: { code: 'ROUND.REGISTRATION_CLOSED', details: { deadline: '2024-09-24' } },
    });
  });

  it('refuses the same NIP twice and a second post for one applicant', () => {
    const b = new RoundBuilder(aPlan([aPost('a'), aPost('b')])).announce();
    b.run(
      command(
        'RegisterApplicant',
        { postId: 'a', applicantId: 'x1', applicant: anApplicant('N') },
        b.day(10),
      ),
    );
    expect(
      tryDecide(
        command(
          'RegisterApplicant',
          { postId: 'a', applicantId: 'x2', applicant: anApplicant('N') },
          b.day(10),
        ),
        b.stream.state,
      ),
    ).toMatchObject({ ok: false, error: { code: 'APPLICANT.DUPLICATE' } });
    expect(
      tryDecide(
        command(
          'RegisterApplicant',
          { postId: 'b', applicantId: 'x3', applicant: anApplicant('N') },
          b.day(10),
        ),
        b.stream.state,
      ),
    ).toMatchObject({ ok: false, error: { code: 'APPLICANT.TOO_MANY_POSTS' } });
  });

  it('refuses to close before the deadline', () => {
    const b = announced().register('dinkes', 4);
    expect(
      tryDecide(command('CloseRegistration', { postId: 'dinkes' }, '2024-09-20'), b.stream.state),
    ).toMatchObject({
      ok: false,
      error: { code: 'ROUND.REGISTRATION_STILL_OPEN' },
    });
  });

  it('[R18] closes a post with 4 applicants', () => {
    const b = announced().register('dinkes', 4).closeAll();
    expect(b.round.posts['dinkes']?.status).toBe('selection');
  });

  it('[R18] refuses to close a post with 3 applicants while extensions remain', () => {
    const b = announced().register('dinkes', 3);
    expect(
      tryDecide(command('CloseRegistration', { postId: 'dinkes' }, '2024-09-24'), b.stream.state),
    ).toMatchObject({
      ok: false,
      error: { code: 'POST.BELOW_MINIMUM_APPLICANTS', ruleId: 'R18' },
    });
  });

  it('[R18] closes a post with 3 applicants under the kasn-2019-min3 variant', () => {
    const plan = aPlan(undefined, {
      schedule: {
        announcementOn: '2023-05-09',
        registrationDeadline: '2023-05-24',
        referenceDate: '2023-05-24',
      },
    });
    const b = new RoundBuilder(plan, '2023-05-02', 'kasn-2019-min3')
      .announce()
      .register('dinkes', 3)
      .closeAll();
    expect(b.round.posts['dinkes']?.status).toBe('selection');
  });

  it('[R18] [R19] extends a post with 3 applicants by 7 working days', () => {
    const b = announced().register('dinkes', 3);
    b.run(command('ExtendRegistration', { postId: 'dinkes' }, '2024-09-24'));
    expect(b.stream.events.at(-1)).toMatchObject({
      type: 'RegistrationExtended',
      data: { extension: 1, previousDeadline: '2024-09-24', newDeadline: '2024-10-03', applicants: 3 },
    });
  });

  it('[R19] skips national holidays when counting working days', () => {
    const plan = aPlan(undefined, {
      schedule: {
        announcementOn: '2025-03-10',
        registrationDeadline: '2025-03-26',
        referenceDate: '2025-03-26',
      },
    });
    const b = new RoundBuilder(plan, '2025-03-03', 'bkn-2024')
      .announce()
      .register('dinkes', 1, undefined, '2025-03-20');
    b.run(command('ExtendRegistration', { postId: 'dinkes' }, '2025-03-26'));
    // 27 Mar, then 8 Apr - 11 Apr, 14 Apr (28 Mar - 7 Apr are Nyepi, Idul Fitri and cuti bersama).
    expect(b.stream.events.at(-1)?.data).toMatchObject({ newDeadline: '2025-04-15' });
  });

  it('[R18] refuses to extend a post that already has 4 applicants', () => {
    const b = announced().register('dinkes', 4);
    expect(
      tryDecide(command('ExtendRegistration', { postId: 'dinkes' }, '2024-09-24'), b.stream.state),
    ).toMatchObject({
      ok: false,
      error: { code: 'POST.EXTENSION_NOT_NEEDED', ruleId: 'R18' },
    });
  });

  it('[R19] refuses a third extension', () => {
    const b = announced().register('dinkes', 2);
    b.run(command('ExtendRegistration', { postId: 'dinkes' }, '2024-09-24'));
    b.run(command('ExtendRegistration', { postId: 'dinkes' }, '2024-10-03'));
    expect(
      tryDecide(command('ExtendRegistration', { postId: 'dinkes' }, '2024-10-14'), b.stream.state),
    ).toMatchObject({
      ok: false,
      error: { code: 'POST.EXTENSION_LIMIT_REACHED', ruleId: 'R19' },
    });
  });

  describe('after the last extension', () => {
    const exhausted = () => {
      const b = announced().register('dinkes', 2);
      b.run(command('ExtendRegistration', { postId: 'dinkes' }, '2024-09-24'));
      b.run(command('ExtendRegistration', { postId: 'dinkes' }, '2024-10-03'));
      return b.run(command('CloseRegistration', { postId: 'dinkes' }, '2024-10-14'));
    };
    const decideAs = (decision: 'continue' | 'drop' | 'postpone', issuedBy: 'BKN' | 'KASN' = 'BKN') =>
      command(
        'DecideUnderfilledPost',
        { postId: 'dinkes', issuedBy, letterNumber: 'B-9', decision, reason: 'Only 2 applicants' },
        '2024-10-15',
        'oversight',
      );

    it('[R19] waits for the oversight body when the minimum is still not met', () => {
      const b = exhausted();
      expect(b.stream.events.at(-1)).toMatchObject({
        type: 'MinimumApplicantsNotReached',
        data: { applicants: 2, minimum: 4, extensionsUsed: 2 },
      });
      expect(b.round.posts['dinkes']?.status).toBe('awaiting-oversight');
    });

    it('[R19] continues with fewer applicants on the oversight decision', () => {
      const b = exhausted().run(decideAs('continue'));
      expect(b.stream.events.at(-1)).toMatchObject({
        type: 'RegistrationClosed',
        data: { continuedWithFewer: true },
      });
      expect(b.round.posts['dinkes']?.status).toBe('selection');
    });

    it('[R19] drops or postpones the post on the oversight decision', () => {
      expect(exhausted().run(decideAs('postpone')).stream.state).toMatchObject({ status: 'closed' });
      expect(
        exhausted()
          .run(decideAs('drop'))
          .stream.events.map((e) => e.type)
          .slice(-2),
      ).toEqual(['UnderfilledPostDecided', 'RoundClosed']);
    });

    it('[R19] refuses the decision from KASN under bkn-2024', () => {
      expect(tryDecide(decideAs('drop', 'KASN'), exhausted().stream.state)).toMatchObject({
        ok: false,
        error: { code: 'GATE.WRONG_AUTHORITY' },
      });
    });
  });
});
