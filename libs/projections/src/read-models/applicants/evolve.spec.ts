import { fold, roundEvent as e } from '../fold.test-helper';
import { applicantsReadModel } from './evolve';

const registered = (applicantId: string, v: number, postId = 'p1') =>
  e(
    'ApplicantRegistered',
    {
      postId,
      applicantId,
      applicant: { nip: `nip-${applicantId}`, name: `Name ${applicantId}` },
      invited: false,
    },
    v,
  );

describe('applicants read model', () => {
  it('records verdicts, scores and the published ranking, eliminating who does not proceed', () => {
    const rows = fold(applicantsReadModel, [
      registered('a1', 1),
      registered('a2', 2),
      registered('b1', 3, 'p2'),
      e('AdministrativeVerdictRecorded', { postId: 'p1', applicantId: 'a1', verdict: 'eligible' }, 4),
      e('AdministrativeVerdictRecorded', { postId: 'p1', applicantId: 'a2', verdict: 'eligible' }, 5),
      e(
        'StageResultsRecorded',
        {
          postId: 'p1',
          stageId: 's1',
          results: [
            { applicantId: 'a1', score: 80 },
            { applicantId: 'a2', score: 55 },
          ],
        },
        6,
      ),
      e(
        'StageResultsPublished',
        {
          postId: 'p1',
          stageId: 's1',
          ranking: [
            { applicantId: 'a1', rank: 1, total: 24, proceeds: true },
            { applicantId: 'a2', rank: 2, total: 16.5, proceeds: false },
          ],
        },
        7,
      ),
      e('ApplicantWithdrawn', { postId: 'p1', applicantId: 'a1', cause: 'declared' }, 8),
    ]);
    const a = Object.fromEntries(rows.map((r) => [r.applicant_id, r]));
    expect(a['a1']).toMatchObject({
      name: 'Name a1',
      nip: 'nip-a1',
      verdict: 'eligible',
      scores: { s1: 80 },
      rank: 1,
      total: 24,
      eliminated_at: null,
      withdrawn: true,
    });
    expect(a['a2']).toMatchObject({ scores: { s1: 55 }, rank: 2, eliminated_at: 's1', withdrawn: false });
    expect(a['b1']).toMatchObject({ post_id: 'p2', verdict: null, scores: {} });
  });

  it('starts a fresh list for a re-run of one post only', () => {
    const rows = fold(applicantsReadModel, [
      registered('a1', 1),
      registered('b1', 2, 'p2'),
      e('PostRerunStarted', { postId: 'p1', run: 2 }, 3),
      registered('a9', 4),
    ]);
    expect(rows.map((r) => r.applicant_id).sort()).toEqual(['a9', 'b1']);
  });

  it('does not invent applicants from results for unknown ids', () => {
    const rows = fold(applicantsReadModel, [
      registered('a1', 1),
      e(
        'StageResultsRecorded',
        { postId: 'p1', stageId: 's1', results: [{ applicantId: 'zz', score: 1 }] },
        2,
      ),
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.scores).toEqual({});
  });
});
