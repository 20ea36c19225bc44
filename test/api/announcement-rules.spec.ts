import { randomUUID } from 'node:crypto';
import { aPansel, anAnnouncement, aPlan, aPost, command, RoundBuilder } from '@selter/domain/testing';
import { useApiStack } from './client';
import { AGENCY, JourneyBuilder, journeyPlan, sendAll, USER_OF } from './journey';

type Finding = { code: string; ruleId?: string; reason: { id: string; en: string }; details: object };
type PlanCheck = { policyId: string; ok: boolean; findings: Finding[] };

const members = () => aPansel().map((m, i) => ({ ...m, memberId: `pansel${i + 1}.${AGENCY}` }));
const windowOf = (year: number) => ({
  announcementOn: `${year}-07-31`,
  registrationDeadline: `${year}-08-14`,
  referenceDate: `${year}-08-14`,
});

describe('R4, R6, R11 and stage content through the API: conventions, announcement, topics', () => {
  const under = useApiStack();

  it('[R4] accepts the window South Sulawesi published (31 Jul-14 Aug) and names a stricter convention', async () => {
    await under.api.setClock('2023-07-20');
    const plan = aPlan([aPost('dinkes')], {
      pansel: { decreeNumber: '800/1/2023', members: members() },
      schedule: windowOf(2023),
    });
    const accepted = await under.api.post<PlanCheck>(USER_OF.operator, '/rounds/plan-check', { plan });
    expect({
      status: accepted.status,
      policyId: accepted.body.policyId,
      findings: accepted.body.findings,
    }).toEqual({ status: 200, policyId: 'kasn-2019', findings: [] });

    await under.api.setClock('2026-07-20');
    const strict = await under.api.post<PlanCheck>(USER_OF.operator, '/rounds/plan-check', {
      plan: { ...plan, schedule: windowOf(2026) },
      policyId: 'bkn-2025-lead-day-after',
    });
    expect(strict.body.findings).toEqual([
      expect.objectContaining({
        code: 'ROUND.ANNOUNCEMENT_LEAD_TOO_SHORT',
        ruleId: 'R4',
        details: expect.objectContaining({
          earliest: '2026-08-15',
          convention: 'day-after',
          policyId: 'bkn-2025-lead-day-after',
        }),
      }),
    ]);
    expect(strict.body.findings[0]?.reason.id).toContain('dihitung sejak hari setelah pengumuman');
    expect(strict.body.findings[0]?.reason.en).toContain('counted from the day after the announcement');

    const real = await under.api.post(USER_OF.operator, '/rounds', {
      roundId: `r4-${randomUUID().slice(0, 8)}`,
      plan: { ...plan, schedule: windowOf(2026) },
      policyId: 'bkn-2025-lead-day-after',
    });
    expect({ status: real.status, type: real.type, code: real.body['code'] }).toEqual({
      status: 422,
      type: expect.stringMatching(/^application\/problem\+json/),
      code: 'ROUND.ANNOUNCEMENT_LEAD_TOO_SHORT',
    });

    const policies = await under.api.raw<{
      policies: Array<{ id: string; numbers: Record<string, { value: unknown; source: string }> }>;
    }>('GET', '/policies');
    const convention = (id: string) =>
      policies.body.policies.find((p) => p.id === id)?.numbers['announcementLeadConvention'];
    expect(convention('bkn-2025')).toMatchObject({
      value: 'announcement-day-counts',
      source: expect.stringContaining('117(2)'),
    });
    expect(convention('bkn-2025-lead-day-after')?.value).toBe('day-after');
  });

  it('[R11] judges a 56-and-a-half-year-old by the reading of the policy, and names it', async () => {
    const verdictOn = async (policyId: string) => {
      const localId = `r11-${randomUUID().slice(0, 8)}`;
      const b = new RoundBuilder(journeyPlan(), '2024-09-02', policyId);
      b.announce()
        .register('dinkes', 4, (i) => (i === 1 ? { dateOfBirth: '1968-03-01' } : {}))
        .closeAll();
      await sendAll(under.api, localId, b.take());
      await under.api.setClock(b.day(24));
      const reply = await under.api.post<{
        events: Array<{ type: string; data: { verdict: string; failed: Finding[] } }>;
      }>(USER_OF.pansel, `/rounds/round-${AGENCY}-${localId}/decisions/RecordAdministrativeVerdict`, {
        postId: 'dinkes',
        applicantId: 'dinkes-a2',
      });
      expect(reply.status).toBe(200);
      return reply.body.events[0]?.data;
    };
    const strict = await verdictOn('bkn-2024');
    expect(strict?.verdict).toBe('ineligible');
    expect(strict?.failed.map((f) => f.ruleId)).toEqual(['R11']);
    expect(strict?.failed[0]?.reason.id).toContain('dibaca paling tinggi 56 tahun 0 hari');
    expect(strict?.failed[0]?.reason.en).toContain('read as at most 56 years 0 days');
    const lenient = await verdictOn('bkn-2024-age-not-yet-57');
    expect(lenient).toMatchObject({ verdict: 'eligible', failed: [] });
  });

  it("[R6] refuses an announcement without its media or a stage's dates, and records them when given", async () => {
    const localId = `r6-${randomUUID().slice(0, 8)}`;
    const b = new JourneyBuilder();
    b.run(command('SubmitPlanForRecommendation', {}, b.day(1)));
    b.run(
      command(
        'RecordPlanRecommendation',
        { issuedBy: b.bodyOn(b.day(3)), letterNumber: 'B-1', decision: 'approved' },
        b.day(3),
        'oversight',
      ),
    );
    await sendAll(under.api, localId, b.take());
    await under.api.setClock(b.day(7));
    const path = `/rounds/round-${AGENCY}-${localId}/decisions/AnnounceRound`;
    const full = anAnnouncement(journeyPlan());

    const { media: _media, ...withoutMedia } = full;
    const unnamed = await under.api.post(USER_OF.operator, path, withoutMedia);
    expect({ status: unnamed.status, type: unnamed.type, code: unnamed.body['code'] }).toEqual({
      status: 400,
      type: expect.stringMatching(/^application\/problem\+json/),
      code: 'REQUEST.INVALID',
    });
    expect(unnamed.body['errors']).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'media' })]),
    );

    const gap = await under.api.post(USER_OF.operator, path, {
      ...full,
      stageSchedule: full.stageSchedule.filter((slot) => slot.stageId !== 'paper'),
    });
    expect(gap.status).toBe(422);
    expect(gap.body).toMatchObject({
      code: 'ROUND.ANNOUNCEMENT_INCOMPLETE',
      ruleId: 'R6',
      details: { missing: ['stageSchedule.paper'] },
    });

    const announced = await under.api.post<{ events: Array<{ type: string; data: object }> }>(
      USER_OF.operator,
      path,
      full,
    );
    expect(announced.status).toBe(200);
    expect(announced.body.events[0]).toMatchObject({
      type: 'RoundAnnounced',
      data: { media: full.media, stageSchedule: full.stageSchedule },
    });
  });

  it("[R12] plans a post with its own paper topic, others with the round's, and refuses a topic for an unknown stage", async () => {
    await under.api.setClock('2024-09-02');
    const stages = journeyPlan().stages.map((s) =>
      s.stageId === 'paper' ? { ...s, topic: 'Inovasi pelayanan publik' } : s,
    );
    const posts = [
      aPost('dinkes', 'regular', {
        stageTopics: [{ stageId: 'paper', topic: 'Penurunan angka stunting 2027' }],
      }),
      aPost('bappeda'),
    ];
    const plan = { ...journeyPlan(), stages, posts };
    const localId = `topic-${randomUUID().slice(0, 8)}`;
    const planned = await under.api.post(USER_OF.operator, '/rounds', { roundId: localId, plan });
    expect(planned.status).toBe(201);
    const state = await under.api.get<{
      state: {
        plan: { posts: Array<{ postId: string; stageTopics?: unknown }> };
        stages: Array<{ topic?: string }>;
      };
    }>(USER_OF.operator, `/rounds/round-${AGENCY}-${localId}/audit/state`);
    expect(state.body.state.plan.posts.map((p) => [p.postId, p.stageTopics ?? null])).toEqual([
      ['dinkes', [{ stageId: 'paper', topic: 'Penurunan angka stunting 2027' }]],
      ['bappeda', null],
    ]);
    expect(state.body.state.stages.map((s) => s.topic ?? null)).toContain('Inovasi pelayanan publik');

    const wrong = {
      ...plan,
      posts: [aPost('dinkes', 'regular', { stageTopics: [{ stageId: 'essay', topic: 'x' }] })],
    };
    const refused = await under.api.post(USER_OF.operator, '/rounds', {
      roundId: `topic-${randomUUID().slice(0, 8)}`,
      plan: wrong,
    });
    expect(refused.status).toBe(422);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      code: 'PLAN.INVALID',
      details: { field: 'plan.posts.0.stageTopics.0.stageId', stageId: 'essay' },
    });
  });
});
