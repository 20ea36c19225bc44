import { checkPlan } from './check-plan';
import { createRoundDecider, tryDecide } from './decide';
import { initialCalendarBook, roundCalendarOf } from '../calendar/calendar';
import { tryDecideWith } from '../shared/errors';
import { aPansel, aPlan, command, STANDARD_STAGES } from '../testing/fixtures';
import { fold } from '../testing/run';

// Four problems at once: a pansel of 4 (R1 size, R1 odd), 3 of 4 internal (R2), stage weights
// summing to 90, and a deadline 5 days after the announcement (R4).
const faulty = aPlan(undefined, {
  pansel: { decreeNumber: '800/1/2024', members: aPansel(4, 3) },
  stages: STANDARD_STAGES.map((s, i) => (i === 1 ? { ...s, weight: s.weight - 10 } : s)),
  schedule: { announcementOn: '2024-09-09', registrationDeadline: '2024-09-14', referenceDate: '2024-09-14' },
});

describe('round: the plan dry run', () => {
  it('lists every finding at once, in rule order', () => {
    const check = checkPlan(command('PlanRound', { roundId: 'r1', plan: faulty }, '2024-09-02'));
    expect(check.policyId).toBe('bkn-2024');
    expect(check.findings.map((f) => f.code)).toEqual([
      'PANSEL.SIZE_OUT_OF_RANGE',
      'PANSEL.SIZE_NOT_ODD',
      'PANSEL.INTERNAL_SHARE_EXCEEDED',
      'PLAN.STAGE_CATALOGUE_INVALID',
      'ROUND.ANNOUNCEMENT_LEAD_TOO_SHORT',
    ]);
    for (const f of check.findings) expect(f.reason.id).not.toEqual(f.reason.en);
  });

  it('finds nothing in a plan the decider accepts', () => {
    const plan = command('PlanRound', { roundId: 'r1', plan: aPlan() }, '2024-09-02');
    expect(checkPlan(plan).findings).toEqual([]);
    expect(tryDecide(plan, fold([])).ok).toBe(true);
  });

  it("judges with the agency's calendar as the round that pins it does [R19]", () => {
    const calendar = roundCalendarOf(initialCalendarBook(), 'kabcontoh');
    const decider = createRoundDecider(undefined, calendar);
    for (const plan of [faulty, aPlan()]) {
      const planned = command('PlanRound', { roundId: 'r1', plan }, '2024-09-02');
      const check = checkPlan(planned, undefined, calendar);
      const outcome = tryDecideWith(decider.decide, planned, fold([]));
      expect(check.findings[0]?.code ?? null).toBe(outcome.ok ? null : outcome.error.code);
    }
  });

  it('refuses the real PlanRound with the first finding', () => {
    const outcome = tryDecide(command('PlanRound', { roundId: 'r1', plan: faulty }, '2024-09-02'), fold([]));
    expect(outcome.ok ? null : outcome.error.code).toBe('PANSEL.SIZE_OUT_OF_RANGE');
  });

  it('names one finding per party member and per overseer on the pansel', () => {
    const members = aPansel(5, 2).map((m, i) => (i < 2 ? { ...m, politicalPartyMember: true } : m));
    const check = checkPlan(
      command(
        'PlanRound',
        { roundId: 'r1', plan: aPlan(undefined, { pansel: { decreeNumber: 'x', members } }) },
        '2024-09-02',
      ),
    );
    expect(check.findings.map((f) => [f.code, f.details['memberId']])).toEqual([
      ['PANSEL.MEMBER_INELIGIBLE', 'm1'],
      ['PANSEL.MEMBER_INELIGIBLE', 'm2'],
    ]);
  });
});
