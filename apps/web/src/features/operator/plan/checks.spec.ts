import { BKN_2025, KASN_2019 } from '@selter/domain';
import { panselChecks, panselShare, replacementChecks, scheduleChecks, stageChecks, weightTotal } from './checks';
import { fromPlanBody, newMember, toPlanBody, type MemberDraft } from './draft';
import { examplePlan } from './example';

const TODAY = '2026-11-23';
const example = () => fromPlanBody(examplePlan('kabcontoh', TODAY));
const okOf = (checks: Array<{ id: string; ok: boolean }>) => Object.fromEntries(checks.map((c) => [c.id, c.ok]));
const members = (internal: number, external: number): MemberDraft[] => [
  ...Array.from({ length: internal }, () => ({ ...newMember(), affiliation: 'internal' as const })),
  ...Array.from({ length: external }, () => newMember()),
];

describe('the plan checks the operator sees while editing', () => {
  it('passes every check on the Kabupaten Contoh example under the policy in force', () => {
    const plan = example();
    const all = [...panselChecks(plan.members, BKN_2025), ...stageChecks(plan.stages), ...scheduleChecks(plan, BKN_2025), ...replacementChecks(plan, TODAY, BKN_2025)];
    expect(all.filter((c) => !c.ok)).toEqual([]);
  });

  it('shows the pansel share and holds R2 at 45% internal: 2 of 5 pass, 3 of 5 fail', () => {
    expect(panselShare(members(2, 3))).toMatchObject({ size: 5, internal: 2, external: 3, internalShare: 0.4, externalShare: 0.6 });
    const twoOfFive = panselChecks(members(2, 3), BKN_2025).find((c) => c.id === 'panselShare');
    expect(twoOfFive).toMatchObject({ ok: true, ruleId: 'R2', values: { internalPct: 40, externalPct: 60, maxPct: 45, minExternalPct: 55 } });
    expect(panselChecks(members(3, 2), BKN_2025).find((c) => c.id === 'panselShare')).toMatchObject({ ok: false, ruleId: 'R2' });
  });

  it('holds R1: 5 to 9 members, an odd number', () => {
    expect(okOf(panselChecks(members(1, 3), BKN_2025))).toMatchObject({ panselSize: false, panselOdd: false });
    expect(okOf(panselChecks(members(2, 4), BKN_2025))).toMatchObject({ panselSize: true, panselOdd: false });
    expect(okOf(panselChecks(members(4, 7), BKN_2025))).toMatchObject({ panselSize: false });
  });

  it('refuses oversight officials on the pansel only where the policy does (BKN from July 2025)', () => {
    const withOverseer = [...members(2, 2), { ...newMember(), oversightBody: 'BKN' as const }];
    expect(okOf(panselChecks(withOverseer, BKN_2025))).toMatchObject({ panselOverseer: false });
    expect(panselChecks(withOverseer, KASN_2019).some((c) => c.id === 'panselOverseer')).toBe(false);
  });

  it('totals the weights to 100 and asks for the mandatory stages (R20) with the administrative one first', () => {
    const stages = example().stages;
    expect(weightTotal(stages)).toBe(100);
    const [, ...withoutAdmin] = stages;
    expect(okOf(stageChecks(withoutAdmin))).toMatchObject({ weightsTotal: true, adminFirst: false, mandatoryStages: false });
    expect(okOf(stageChecks(stages.map((s) => (s.stageId === 'makalah' ? { ...s, weight: 25 } : s))))).toMatchObject({ weightsTotal: false });
  });

  it('counts the announcement lead time as the domain does (R4: 15 calendar days)', () => {
    expect(okOf(scheduleChecks({ announcementOn: '2026-12-01', registrationDeadline: '2026-12-16', referenceDate: '2026-12-16' }, BKN_2025))).toMatchObject({ leadTime: true });
    expect(okOf(scheduleChecks({ announcementOn: '2026-12-01', registrationDeadline: '2026-12-15', referenceDate: null }, BKN_2025))).toMatchObject({ leadTime: false, datesSet: false });
  });

  it('flags a replaced official inaugurated less than 2 years ago without a legal ground (R28)', () => {
    const plan = example();
    const [first] = plan.posts;
    if (!first) throw new Error('no post');
    const locked = { posts: [{ ...first, incumbent: { nip: '1', inauguratedOn: '2025-06-01', removalGround: null } }] };
    expect(okOf(replacementChecks(locked, TODAY, BKN_2025))).toEqual({ replacementLocked: false });
    const grounded = { posts: [{ ...first, incumbent: { nip: '1', inauguratedOn: '2025-06-01', removalGround: 'law-violation' as const } }] };
    expect(okOf(replacementChecks(grounded, TODAY, BKN_2025))).toEqual({ replacementLock: true });
  });
});

describe('the draft', () => {
  it('turns into the API body and back without loss', () => {
    const body = examplePlan('kabcontoh', TODAY);
    expect(toPlanBody(fromPlanBody(body))).toEqual(body);
  });

  it('sends lists as trimmed non-empty lines and conflicts as NIP and nature', () => {
    const plan = example();
    const [post] = plan.posts;
    const [member] = plan.members;
    if (!post || !member) throw new Error('empty example');
    const body = toPlanBody({ ...plan, posts: [{ ...post, technical: ' A \n\n B ' }], members: [{ ...member, conflicts: '1978: saudara kandung\n' }] });
    expect(body.posts[0]?.competencyStandard.technical).toEqual(['A', 'B']);
    expect(body.pansel.members[0]?.conflictsOfInterest).toEqual([{ nip: '1978', nature: 'saudara kandung' }]);
  });
});
