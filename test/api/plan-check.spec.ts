import { randomUUID } from 'node:crypto';
import { aPansel, aPlan, aPost, STANDARD_STAGES } from '@selter/domain/testing';
import { useApiStack } from './client';
import { AGENCY } from './journey';

type Finding = {
  code: string;
  ruleId?: string;
  reason: { id: string; en: string };
  details: Record<string, unknown>;
};
type PlanCheck = { policyId: string; ok: boolean; findings: Finding[] };
type PolicyList = {
  today: string;
  current: string | null;
  policies: Array<{
    id: string;
    inForce: boolean;
    variantOf: string | null;
    numbers: Record<string, { value: unknown; source: string }>;
  }>;
};

// Four problems at once: a pansel of 3 (R1), 2 of them internal (R2), stage weights summing to
// 90, and a registration deadline 5 days after the announcement (R4).
const faultyPlan = () =>
  aPlan([aPost('dinkes')], {
    pansel: {
      decreeNumber: '800/1/2024',
      members: aPansel(3, 2).map((m, i) => ({ ...m, memberId: `pansel${i + 1}.${AGENCY}` })),
    },
    stages: STANDARD_STAGES.map((s, i) => (i === 1 ? { ...s, weight: s.weight - 10 } : s)),
    schedule: {
      announcementOn: '2024-09-09',
      registrationDeadline: '2024-09-14',
      referenceDate: '2024-09-14',
    },
  });

describe('the plan dry run (POST /rounds/plan-check) and the policies (GET /policies)', () => {
  const under = useApiStack();
  beforeAll(() => under.api.setClock('2024-09-02'));

  it('answers every finding of a plan with four problems at once, in both languages, and records nothing', async () => {
    const localId = `pc-${randomUUID().slice(0, 8)}`;
    const checked = await under.api.post<PlanCheck>('operator.kabcontoh', '/rounds/plan-check', {
      roundId: localId,
      plan: faultyPlan(),
    });
    expect(checked.status).toBe(200);
    expect(checked.body.policyId).toBe('bkn-2024');
    expect(checked.body.ok).toBe(false);
    expect(checked.body.findings.map((f) => [f.code, f.ruleId])).toEqual([
      ['PANSEL.SIZE_OUT_OF_RANGE', 'R1'],
      ['PANSEL.INTERNAL_SHARE_EXCEEDED', 'R2'],
      ['PLAN.STAGE_CATALOGUE_INVALID', undefined],
      ['ROUND.ANNOUNCEMENT_LEAD_TOO_SHORT', 'R4'],
    ]);
    for (const f of checked.body.findings) {
      expect(f.reason.id.length).toBeGreaterThan(10);
      expect(f.reason.en.length).toBeGreaterThan(10);
      expect(f.reason.id).not.toBe(f.reason.en);
    }
    expect(checked.body.findings[2]?.details).toEqual({ total: 90 });

    // The real decision is refused with the first finding, and the dry run started nothing.
    const real = await under.api.post('operator.kabcontoh', '/rounds', {
      roundId: localId,
      plan: faultyPlan(),
    });
    expect({ status: real.status, code: real.body['code'] }).toEqual({
      status: 422,
      code: 'PANSEL.SIZE_OUT_OF_RANGE',
    });
    const events = await under.stack.sql<
      [{ n: number }]
    >`select count(*)::int as n from events where stream_id = ${`round-${AGENCY}-${localId}`}`;
    expect(events[0].n).toBe(0);
  });

  it('finds nothing in a plan the API accepts, without a round id yet', async () => {
    const members = aPansel().map((m, i) => ({ ...m, memberId: `pansel${i + 1}.${AGENCY}` }));
    const checked = await under.api.post<PlanCheck>('operator.kabcontoh', '/rounds/plan-check', {
      plan: aPlan([aPost('dinkes')], { pansel: { decreeNumber: '800/1/2024', members } }),
    });
    expect({ status: checked.status, body: checked.body }).toEqual({
      status: 200,
      body: {
        policyId: 'bkn-2024',
        ok: true,
        findings: [],
        internalMembers: [`pansel1.${AGENCY}`, `pansel2.${AGENCY}`],
      },
    });
  });

  it('refuses what the real decision refuses before the plan is judged, as problems', async () => {
    const notInForce = await under.api.post('operator.kabcontoh', '/rounds/plan-check', {
      policyId: 'kasn-2019',
      plan: faultyPlan(),
    });
    expect({ status: notInForce.status, type: notInForce.type, code: notInForce.body['code'] }).toEqual({
      status: 422,
      type: expect.stringMatching(/^application\/problem\+json/),
      code: 'POLICY.NOT_IN_FORCE',
    });
    const malformed = await under.api.post('operator.kabcontoh', '/rounds/plan-check', {
      plan: { ...faultyPlan(), stages: 'none' },
    });
    expect({ status: malformed.status, code: malformed.body['code'] }).toEqual({
      status: 400,
      code: 'REQUEST.INVALID',
    });
    expect(JSON.stringify(malformed.body['errors'])).toContain('stages');
    const pansel = await under.api.post('pansel1.kabcontoh', '/rounds/plan-check', { plan: faultyPlan() });
    expect(pansel.status).toBe(403);
    const otherAgency = await under.api.post('operator.kabcontoh', '/rounds/plan-check', {
      agency: 'kotalain',
      plan: faultyPlan(),
    });
    expect(otherAgency.status).toBe(403);
  });

  it('lists the policy versions with their numbers and sources, and the one in force on the API clock', async () => {
    const reply = await under.api.raw<PolicyList>('GET', '/policies', {});
    expect(reply.status).toBe(200);
    expect(reply.body.today).toBe('2024-09-02');
    expect(reply.body.current).toBe('bkn-2024');
    const ids = reply.body.policies.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['kasn-2019', 'bkn-2024', 'bkn-2025']));
    const bkn = reply.body.policies.find((p) => p.id === 'bkn-2024');
    expect(bkn).toMatchObject({
      inForce: true,
      variantOf: null,
      numbers: { panselMaxInternalShare: { value: expect.any(Number), source: expect.any(String) } },
    });
    expect(reply.body.policies.find((p) => p.id === 'kasn-2019')?.inForce).toBe(false);
    // Base versions first.
    const firstVariant = reply.body.policies.findIndex((p) => p.variantOf !== null);
    expect(reply.body.policies.slice(firstVariant).every((p) => p.variantOf !== null)).toBe(true);
  });
});
