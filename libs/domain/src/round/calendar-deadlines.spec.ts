import { createRoundDecider } from './decide';
import { dueCommands, roundSchedule } from './schedule';
import { initialCalendarBook, roundCalendarOf, type RoundCalendar } from '../calendar/calendar';
import { getPolicy } from '../policy/registry';
import { anApplicant, aPlan, aPost, nipOf } from '../testing/fixtures';
import { RoundBuilder } from '../testing/builder';
import { ROUND_CLOCK_ACTOR } from '../testing/clock';
import { endOfDate, instantMillis } from '../shared/time';

const policy = getPolicy('bkn-2025');
const book = initialCalendarBook();
const wib = roundCalendarOf(book, 'kabcontoh');
const wita: RoundCalendar = { ...wib, zone: 'WITA', offset: '+08:00' };

/** A one-post round of 2026 or 2027 with a thin post (1 applicant), announced and open. */
function thinRound(announcementOn: string, registrationDeadline: string, start: string): RoundBuilder {
  const plan = aPlan([aPost('dinkes')], {
    schedule: { announcementOn, registrationDeadline, referenceDate: registrationDeadline },
  });
  return new RoundBuilder(plan, start, 'bkn-2025').announce().register('dinkes', 1);
}

const clockAt = (now: string) => ({ now, actor: ROUND_CLOCK_ACTOR, correlationId: 'clock' });

describe('round deadlines with a pinned calendar (ADR 24)', () => {
  it('[R19] extends a thin post by working days of the SKB 1497/2/5 of 2025: 16 Mar 2026 + 7 is 1 Apr', () => {
    const b = thinRound('2026-03-01', '2026-03-16', '2026-02-22');
    const decide = createRoundDecider(undefined, wib).decide;
    const events = decide(
      {
        type: 'PassRegistrationDeadline',
        data: { postId: 'dinkes' },
        metadata: clockAt('2026-03-17T00:00:00.000+07:00'),
      },
      b.stream.state,
    );
    expect(events[0]).toMatchObject({
      type: 'RegistrationExtended',
      data: { previousDeadline: '2026-03-16', newDeadline: '2026-04-01' },
    });
  });

  it('[R19] refuses to extend into a year with no calendar (CALENDAR.YEAR_MISSING, 2028) instead of guessing', () => {
    const b = thinRound('2027-12-06', '2027-12-27', '2027-11-29');
    const decide = createRoundDecider(undefined, wib).decide;
    expect(() =>
      decide(
        {
          type: 'PassRegistrationDeadline',
          data: { postId: 'dinkes' },
          metadata: clockAt('2027-12-28T00:00:00.000+07:00'),
        },
        b.stream.state,
      ),
    ).toThrow(expect.objectContaining({ code: 'CALENDAR.YEAR_MISSING', details: { year: 2028 } }));
  });

  it("[R18] ends the deadline day at midnight in the agency's zone: 23:59:59 WITA is still open, 00:00 WITA is due", () => {
    const b = thinRound('2026-08-03', '2026-08-18', '2026-07-27');
    const [deadline] = roundSchedule(b.stream.state, policy, wita.offset).filter(
      (s) => s.type === 'PassRegistrationDeadline',
    );
    expect(deadline?.at).toBe(endOfDate('2026-08-18', '+08:00'));
    expect(instantMillis(deadline?.at ?? '')).toBe(instantMillis('2026-08-18T23:00:00+07:00'));
    expect(dueCommands(b.stream.state, policy, '2026-08-18T23:59:59+08:00', wita.offset)).toEqual([]);
    expect(
      dueCommands(b.stream.state, policy, '2026-08-19T00:00:00+08:00', wita.offset).map((c) => c.type),
    ).toEqual(['PassRegistrationDeadline']);
    const decide = createRoundDecider(undefined, wita).decide;
    // A registration at 23:30 WITA counts on the deadline day there (it is 22:30 WIB).
    const late = decide(
      {
        type: 'RegisterApplicant',
        data: { postId: 'dinkes', applicantId: 'dinkes-late', applicant: anApplicant(nipOf(99)) },
        metadata: { ...clockAt('2026-08-18T23:30:00+08:00'), actor: { id: 'operator', role: 'operator' } },
      },
      b.stream.state,
    );
    expect(late.map((e) => e.type)).toContain('ApplicantRegistered');
    expect(() =>
      decide(
        {
          type: 'PassRegistrationDeadline',
          data: { postId: 'dinkes' },
          metadata: clockAt('2026-08-18T23:59:59+08:00'),
        },
        b.stream.state,
      ),
    ).toThrow(expect.objectContaining({ code: 'DEADLINE.NOT_DUE' }));
  });
});
