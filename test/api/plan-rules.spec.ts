import { randomUUID } from 'node:crypto';
import { aPansel, aPlan, aPost } from '@selter/domain/testing';
import { useApiStack } from './client';
import { AGENCY, POLICY, USER_OF } from './journey';

/** Five seeded pansel users who all work for the agency's own government, each marked "external". */
const officials = () =>
  aPansel(5, 0).map((m, i) => ({
    ...m,
    memberId: `pansel${i + 1}.${AGENCY}`,
    employer:
      ['Inspektorat', 'BKPSDM', 'Bappeda', 'Dinas Kesehatan', 'Sekretariat DPRD'][i] + ' Kabupaten Contoh',
    affiliation: 'external',
  }));

describe("R2 and R12 through the API: the pansel's employers and the accredited assessment centre", () => {
  const under = useApiStack();
  beforeAll(() => under.api.setClock('2024-09-02'));
  const plan = (members: object[]) =>
    aPlan([aPost('dinkes')], { pansel: { decreeNumber: '800/1/2024', members: members as never } });

  it('[R2] refuses five officials of the same government marked external, naming them', async () => {
    const reply = await under.api.post(USER_OF.operator, '/rounds', {
      roundId: `r2-${randomUUID().slice(0, 8)}`,
      plan: plan(officials()),
      policyId: POLICY,
    });
    expect(reply.status).toBe(422);
    expect(reply.type).toContain('application/problem+json');
    expect(reply.body).toMatchObject({
      code: 'PANSEL.INTERNAL_SHARE_EXCEEDED',
      ruleId: 'R2',
      details: { internal: 5, size: 5, internalMembers: officials().map((m) => m.memberId) },
    });
    const check = await under.api.post<{ internalMembers: string[] }>(
      USER_OF.operator,
      '/rounds/plan-check',
      {
        plan: plan(officials().map((m, i) => (i < 3 ? { ...m, employer: 'Universitas Contoh' } : m))),
        policyId: POLICY,
      },
    );
    expect(check.body.internalMembers).toEqual([`pansel4.${AGENCY}`, `pansel5.${AGENCY}`]);
  });

  it('[R2] refuses a member without an employer with REQUEST.INVALID naming the field', async () => {
    const members = officials().map(({ employer: _employer, ...m }) => m);
    const reply = await under.api.post(USER_OF.operator, '/rounds', {
      roundId: `r2-${randomUUID().slice(0, 8)}`,
      plan: plan(members),
      policyId: POLICY,
    });
    expect(reply.status).toBe(400);
    expect(reply.body['code']).toBe('REQUEST.INVALID');
    expect(reply.body['errors']).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'plan.pansel.members.0.employer' })]),
    );
  });

  it('[R12] refuses an assessment provider that is not an accredited centre, and lists the centres publicly', async () => {
    const centres = await under.api.raw<{ centres: Array<{ id: string; source: string }> }>(
      'GET',
      '/assessment-centres',
    );
    expect(centres.status).toBe(200);
    expect(centres.body.centres.map((c) => c.id)).toContain('bkn-puspenkom');
    const members = officials().map((m, i) => (i < 3 ? { ...m, employer: 'Universitas Contoh' } : m));
    const unaccredited = aPlan([aPost('dinkes')], {
      pansel: { decreeNumber: '800/1/2024', members: members as never },
      assessmentProvider: {
        name: 'UPT Asesmen Kabupaten Contoh',
        centreId: 'upt-kabcontoh',
        accredited: true,
      },
    });
    const reply = await under.api.post(USER_OF.operator, '/rounds', {
      roundId: `r12-${randomUUID().slice(0, 8)}`,
      plan: unaccredited,
      policyId: POLICY,
    });
    expect(reply.status).toBe(422);
    expect(reply.type).toContain('application/problem+json');
    expect(reply.body).toMatchObject({
      code: 'PLAN.ASSESSMENT_PROVIDER_NOT_ACCREDITED',
      ruleId: 'R12',
      details: { field: 'plan.assessmentProvider.centreId', known: false },
    });
  });
});
