import { fold, roundEvent as e } from '../fold.test-helper';
import { timelineReadModel } from './evolve';

describe('timeline read model', () => {
  it('keeps every round event in stream order with actor and a short summary', () => {
    const rows = fold(timelineReadModel, [
      e('RoundAnnounced', {}, 1),
      e('AdministrativeVerdictRecorded', { postId: 'p1', applicantId: 'a1', verdict: 'ineligible' }, 2),
    ]);
    expect(rows.map((r) => r.stream_version)).toEqual([1, 2]);
    expect(rows[1]).toMatchObject({
      post_id: 'p1',
      actor_id: 'u1',
      actor_role: 'pansel',
      summary: 'AdministrativeVerdictRecorded: post p1, applicant a1, ineligible',
    });
    expect(rows[0]?.at).toBe('2024-08-01T09:00:00+07:00');
  });
});
