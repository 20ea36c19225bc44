import { fold, plan, roundEvent as e } from '../fold.test-helper';
import { roundsReadModel } from './evolve';

const byPost = (rows: ReturnType<typeof run>) => Object.fromEntries(rows.map((r) => [r.post_id, r]));
const run = (...events: Parameters<typeof fold>[1]) => fold(roundsReadModel, events);

describe('rounds read model', () => {
  const planned = [
    e('RoundPlanned', { plan, policyId: 'kasn-2019' }, 1),
    e('PlanSubmittedForRecommendation', { to: 'KASN' }, 2),
  ];

  it('given a planned and submitted round, lists each post as planned with the round submitted', () => {
    const rows = byPost(run(...planned));
    expect(Object.keys(rows).sort()).toEqual(['p1', 'p2']);
    expect(rows['p2']).toMatchObject({
      round_name: 'Seleksi JPT 2024',
      agency: 'Pemprov X',
      round_status: 'submitted',
      post_status: 'planned',
      post_kind: 'sekda',
    });
  });

  it('follows one post through registration, selection and inauguration, leaving the other alone', () => {
    const rows = byPost(
      run(
        ...planned,
        e('PlanRecommended', { issuedBy: 'KASN', letterNumber: 'L-1' }, 3),
        e('RoundAnnounced', { registrationDeadline: '2024-08-20' }, 4),
        e('ApplicantRegistered', { postId: 'p1', applicantId: 'a1' }, 5),
        e('ApplicantRegistered', { postId: 'p1', applicantId: 'a2' }, 6),
        e('RegistrationExtended', { postId: 'p1', extension: 1, newDeadline: '2024-08-27' }, 7),
        e('RegistrationClosed', { postId: 'p1' }, 8),
        e('ShortlistProposed', { postId: 'p1' }, 9),
        e('AppointeeChosen', { postId: 'p1', applicantId: 'a2' }, 10),
        e('AppointeeInaugurated', { postId: 'p1', applicantId: 'a2' }, 11),
      ),
    );
    expect(rows['p1']).toMatchObject({
      round_status: 'announced',
      post_status: 'inaugurated',
      applicants: 2,
      extensions: 1,
      registration_deadline: '2024-08-27',
      appointee_id: 'a2',
    });
    expect(rows['p2']).toMatchObject({
      post_status: 'registration',
      applicants: 0,
      registration_deadline: '2024-08-20',
    });
  });

  it('resets a post on a re-run and drops posts a revised plan no longer has', () => {
    const rerun = run(
      ...planned,
      e('RoundAnnounced', {}, 3),
      e('ApplicantRegistered', { postId: 'p1', applicantId: 'a1' }, 4),
      e('PostRerunStarted', { postId: 'p1', run: 2, registrationDeadline: '2024-09-30' }, 5),
    );
    expect(byPost(rerun)['p1']).toMatchObject({
      run: 2,
      applicants: 0,
      post_status: 'registration',
      registration_deadline: '2024-09-30',
    });
    const revised = run(
      e('RoundPlanned', { plan }, 1),
      e('PlanRevised', { plan: { ...plan, posts: plan.posts?.slice(0, 1) } }, 2),
    );
    expect(revised.map((r) => r.post_id)).toEqual(['p1']);
  });

  it('leaves every post alone for events about a post the round does not have', () => {
    const rows = run(
      ...planned,
      e('ApplicantRegistered', { postId: 'p9', applicantId: 'a1' }, 3),
      e('PostCancelled', { postId: 'nope' }, 4),
    );
    expect(rows.every((r) => r.applicants === 0 && r.post_status === 'planned')).toBe(true);
  });
});
