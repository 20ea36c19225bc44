import { awaitingVerdict, finalistsOf, rankedProceeding, scoredStages } from './applicants';
import type { ApplicantView } from './types';

const applicant = (applicantId: string, patch: Partial<ApplicantView> = {}): ApplicantView => ({
  applicantId,
  name: `Pelamar ${applicantId}`,
  nip: applicantId,
  verdict: 'eligible',
  withdrawn: false,
  eliminatedAt: null,
  scores: {},
  total: null,
  rank: null,
  ...patch,
});

describe('applicants of a post', () => {
  const applicants = [
    applicant('a1', { rank: 2, total: 80, scores: { assessment: 78, interview: 82 } }),
    applicant('a2', { rank: 1, total: 85, scores: { assessment: 90 } }),
    applicant('a3', { rank: 4, total: 60, eliminatedAt: 'assessment' }),
    applicant('a4', { rank: 3, total: 75 }),
    applicant('a5', { rank: 5, total: 74 }),
    applicant('a6', { verdict: 'ineligible' }),
    applicant('a7', { verdict: null }),
    applicant('a8', { verdict: null, withdrawn: true }),
  ];

  it('ranks those still in the running by the published ranking', () => {
    expect(rankedProceeding(applicants).map((a) => a.applicantId)).toEqual(['a2', 'a1', 'a4', 'a5']);
  });

  it('takes the top three as the tiga besar', () => {
    expect(finalistsOf(applicants).map((a) => a.applicantId)).toEqual(['a2', 'a1', 'a4']);
  });

  it('lists who still waits for an administrative verdict (not the withdrawn)', () => {
    expect(awaitingVerdict(applicants).map((a) => a.applicantId)).toEqual(['a7']);
  });

  it('knows the stages with scores, in the order first seen', () => {
    expect(scoredStages(applicants)).toEqual(['assessment', 'interview']);
  });
});
