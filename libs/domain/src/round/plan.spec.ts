import { decide, tryDecide } from './decide';
import { DomainError } from '../shared/errors';
import { aPansel, aPlan, aPost, anAnnouncement, command, STANDARD_STAGES } from '../testing/fixtures';
import { fold, RoundStream } from '../testing/run';

const planned = (plan = aPlan(), date = '2024-09-02', policyId?: string) =>
  decide(command('PlanRound', { roundId: 'r1', plan, ...(policyId ? { policyId } : {}) }, date), fold([]));
const refusal = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('round: planning', () => {
  it('records the plan and the policy in force on the planning day', () => {
    const [event] = planned();
    expect(event).toMatchObject({
      type: 'RoundPlanned',
      data: { roundId: 'r1', policyId: 'bkn-2024', at: '2024-09-02T09:00:00+07:00' },
    });
    expect(event?.metadata).toEqual({
      actor: { id: 'operator-1', role: 'operator' },
      correlationId: 'corr-1',
    });
    expect(planned(aPlan(), '2023-05-02')[0]?.data).toMatchObject({ policyId: 'kasn-2019' });
  });

  it('refuses a policy not in force on the planning day', () => {
    expect(refusal(() => planned(aPlan(), '2024-09-02', 'kasn-2019')).code).toBe('POLICY.NOT_IN_FORCE');
  });

  it('[R1] refuses a pansel of 4 and of 11 members', () => {
    expect(
      refusal(() => planned(aPlan(undefined, { pansel: { decreeNumber: 'x', members: aPansel(4, 1) } }))),
    ).toMatchObject({
      code: 'PANSEL.SIZE_OUT_OF_RANGE',
      ruleId: 'R1',
    });
    expect(
      refusal(() => planned(aPlan(undefined, { pansel: { decreeNumber: 'x', members: aPansel(11, 1) } })))
        .code,
    ).toBe('PANSEL.SIZE_OUT_OF_RANGE');
  });

  it('[R1] refuses an even pansel of 6', () => {
    expect(
      refusal(() => planned(aPlan(undefined, { pansel: { decreeNumber: 'x', members: aPansel(6, 2) } })))
        .code,
    ).toBe('PANSEL.SIZE_NOT_ODD');
  });

  it('[R2] refuses 3 internal members of 5 (60%) and accepts an all-external pansel', () => {
    const error = refusal(() =>
      planned(aPlan(undefined, { pansel: { decreeNumber: 'x', members: aPansel(5, 3) } })),
    );
    expect(error).toMatchObject({ code: 'PANSEL.INTERNAL_SHARE_EXCEEDED', ruleId: 'R2' });
    expect(error.reason.id).toContain('60%');
    expect(planned(aPlan(undefined, { pansel: { decreeNumber: 'x', members: aPansel(5, 0) } }))).toHaveLength(
      1,
    );
  });

  it('[R3] refuses a political party member on the pansel', () => {
    const members = aPansel(5, 2, { politicalPartyMember: true });
    expect(
      refusal(() => planned(aPlan(undefined, { pansel: { decreeNumber: 'x', members } }))),
    ).toMatchObject({
      code: 'PANSEL.MEMBER_INELIGIBLE',
      ruleId: 'R3',
    });
  });

  it('[R1] refuses a BKN official on the pansel under bkn-2025 but not under bkn-2024', () => {
    const members = aPansel(5, 2, { oversightBody: 'BKN' });
    const plan = aPlan(undefined, {
      pansel: { decreeNumber: 'x', members },
      schedule: {
        announcementOn: '2025-07-10',
        registrationDeadline: '2025-07-28',
        referenceDate: '2025-07-28',
      },
    });
    expect(refusal(() => planned(plan, '2025-07-02')).code).toBe('PANSEL.OVERSIGHT_OFFICIAL_NOT_ALLOWED');
    expect(planned(aPlan(undefined, { pansel: { decreeNumber: 'x', members } }))).toHaveLength(1);
  });

  it('[R20] refuses a stage catalogue without the final interview', () => {
    const stages = STANDARD_STAGES.filter((s) => s.kind !== 'interview').map((s) =>
      s.stageId === 'assessment' ? { ...s, weight: 70 } : s,
    );
    expect(refusal(() => planned(aPlan(undefined, { stages })))).toMatchObject({
      code: 'PLAN.MANDATORY_STAGE_MISSING',
      ruleId: 'R20',
    });
  });

  it('[R13] refuses a stage catalogue without the health and mental-health test', () => {
    const stages = STANDARD_STAGES.filter((s) => s.kind !== 'health');
    expect(refusal(() => planned(aPlan(undefined, { stages }))).details).toEqual({ missing: ['health'] });
  });

  it('[R12] refuses a stage catalogue without the competency assessment', () => {
    const stages = STANDARD_STAGES.filter((s) => s.kind !== 'competency').map((s) =>
      s.stageId === 'paper' ? { ...s, weight: 60 } : s,
    );
    expect(refusal(() => planned(aPlan(undefined, { stages }))).details).toEqual({ missing: ['competency'] });
  });

  it('refuses weights that do not sum to 100 and an elimination stage without a pass mark', () => {
    const heavier = STANDARD_STAGES.map((s) => (s.stageId === 'paper' ? { ...s, weight: 30 } : s));
    expect(refusal(() => planned(aPlan(undefined, { stages: heavier }))).code).toBe(
      'PLAN.STAGE_CATALOGUE_INVALID',
    );
    const noMark = STANDARD_STAGES.map((s) =>
      s.stageId === 'interview' ? { ...s, passMark: undefined } : s,
    );
    expect(refusal(() => planned(aPlan(undefined, { stages: noMark }))).code).toBe(
      'PLAN.STAGE_CATALOGUE_INVALID',
    );
  });

  it('[R28] refuses to replace an official inaugurated less than 2 years ago', () => {
    const post = aPost('dinkes', 'regular', { incumbent: { nip: '1', inauguratedOn: '2023-01-10' } });
    const error = refusal(() => planned(aPlan([post])));
    expect(error).toMatchObject({
      code: 'POST.REPLACEMENT_LOCKED',
      ruleId: 'R28',
      details: { lockedUntil: '2025-01-10' },
    });
  });

  it('[R28] allows the replacement when the incumbent broke the law', () => {
    const post = aPost('dinkes', 'regular', {
      incumbent: { nip: '1', inauguratedOn: '2023-01-10', removalGround: 'law-violation' },
    });
    expect(planned(aPlan([post]))).toHaveLength(1);
  });

  it('[R4] refuses a schedule with a 14-day registration window', () => {
    const schedule = {
      announcementOn: '2024-09-09',
      registrationDeadline: '2024-09-22',
      referenceDate: '2024-09-22',
    };
    expect(refusal(() => planned(aPlan(undefined, { schedule })))).toMatchObject({
      code: 'ROUND.ANNOUNCEMENT_LEAD_TOO_SHORT',
      ruleId: 'R4',
    });
  });

  it('[R4] accepts the window South Sulawesi published (31 Jul-14 Aug 2023) and names a stricter convention', () => {
    const schedule = {
      announcementOn: '2023-07-31',
      registrationDeadline: '2023-08-14',
      referenceDate: '2023-08-14',
    };
    expect(planned(aPlan(undefined, { schedule }), '2023-07-20')[0]?.data).toMatchObject({
      policyId: 'kasn-2019',
    });
    const later = {
      announcementOn: '2026-07-31',
      registrationDeadline: '2026-08-14',
      referenceDate: '2026-08-14',
    };
    expect(planned(aPlan(undefined, { schedule: later }), '2026-07-20', 'bkn-2025')).toHaveLength(1);
    const strict = refusal(() =>
      planned(aPlan(undefined, { schedule: later }), '2026-07-20', 'bkn-2025-lead-day-after'),
    );
    expect(strict).toMatchObject({
      code: 'ROUND.ANNOUNCEMENT_LEAD_TOO_SHORT',
      ruleId: 'R4',
      details: { earliest: '2026-08-15', convention: 'day-after', policyId: 'bkn-2025-lead-day-after' },
    });
    expect(strict.reason.id).toContain('15 hari kalender, dihitung sejak hari setelah pengumuman');
    expect(strict.reason.en).toContain('15 calendar days, counted from the day after the announcement');
  });

  it('refuses to plan twice and any command before the plan', () => {
    const stream = new RoundStream(planned());
    expect(
      tryDecide(command('PlanRound', { roundId: 'r1', plan: aPlan() }, '2024-09-02'), stream.state),
    ).toMatchObject({
      ok: false,
      error: { code: 'ROUND.ALREADY_PLANNED' },
    });
    expect(tryDecide(command('SubmitPlanForRecommendation', {}, '2024-09-02'), fold([]))).toMatchObject({
      ok: false,
      error: { code: 'ROUND.NOT_PLANNED' },
    });
  });
});

describe('round: plan recommendation', () => {
  it('is refused from the wrong oversight body (KASN under bkn-2024)', () => {
    const stream = new RoundStream(planned());
    stream.run(command('SubmitPlanForRecommendation', {}, '2024-09-03'));
    const result = tryDecide(
      command(
        'RecordPlanRecommendation',
        { issuedBy: 'KASN', letterNumber: 'B-1', decision: 'approved' },
        '2024-09-05',
        'oversight',
      ),
      stream.state,
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'GATE.WRONG_AUTHORITY', details: { expected: 'BKN', actual: 'KASN' } },
    });
  });

  it('is rejected with a reason, then revised and resubmitted, then approved', () => {
    const stream = new RoundStream(planned());
    stream.run(command('SubmitPlanForRecommendation', {}, '2024-09-03'));
    const reject = command(
      'RecordPlanRecommendation',
      { issuedBy: 'BKN', letterNumber: 'B-2', decision: 'rejected' },
      '2024-09-05',
      'oversight',
    );
    expect(tryDecide(reject, stream.state)).toMatchObject({ ok: false, error: { code: 'REASON.REQUIRED' } });
    stream.run({ ...reject, data: { ...reject.data, reason: 'Assessment centre not accredited' } });
    expect(stream.state.status).toBe('rejected');
    const provider = { name: 'UPT Penilaian Kompetensi BKN', accredited: true };
    stream.run(
      command(
        'RevisePlan',
        { plan: aPlan(undefined, { assessmentProvider: provider }), reason: 'Accredited provider' },
        '2024-09-06',
      ),
    );
    stream.run(command('SubmitPlanForRecommendation', {}, '2024-09-06'));
    stream.run(
      command(
        'RecordPlanRecommendation',
        { issuedBy: 'BKN', letterNumber: 'B-3', decision: 'approved' },
        '2024-09-07',
        'oversight',
      ),
    );
    expect(stream.state).toMatchObject({
      status: 'recommended',
      recommendation: { issuedBy: 'BKN', letterNumber: 'B-3' },
      version: 6,
    });
  });

  it('cannot be announced before the recommendation', () => {
    const stream = new RoundStream(planned());
    const announce = command(
      'AnnounceRound',
      { ...anAnnouncement(aPlan()), secretariatContact: 'x' },
      '2024-09-09',
    );
    expect(tryDecide(announce, stream.state)).toMatchObject({
      ok: false,
      error: { code: 'ROUND.WRONG_STATUS' },
    });
  });
});
