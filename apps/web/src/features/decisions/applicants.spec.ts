import {
  awaitingVerdict,
  finalistsOf,
  publishedStages,
  rankedProceeding,
  scoredStages,
  shortlistOf,
  stageInProgress,
  withRecorded,
} from './applicants';
import type { ApplicantView } from './types';

const applicant = (applicantId: string, patch: Partial<ApplicantView> = {}): ApplicantView => ({
  applicantId,
  name: `Pelamar ${applicantId}`,
  nip: applicantId,
  invited: false,
  registeredAt: '2024-07-10T02:00:00Z',
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

describe('the tiga besar', () => {
  const applicants = ['a1', 'a2', 'a3', 'a4'].map((id, index) =>
    applicant(id, { rank: index + 1, total: 90 - index }),
  );
  const facts = {
    agencyLevel: 'regency' as const,
    stages: [],
    currentStage: null,
    finalists: [
      { applicantId: 'a2', rank: 1, total: 88 },
      { applicantId: 'a4', rank: 2, total: 80 },
      { applicantId: 'a1', rank: 3, total: 79 },
    ],
    remaining: ['a2', 'a1'],
  };

  it('follows the recorded shortlist when the round state is readable, and the review for the PPK', () => {
    expect(shortlistOf(applicants, facts).finalists.map((a) => a.applicantId)).toEqual(['a2', 'a4', 'a1']);
    expect(shortlistOf(applicants, facts, true)).toEqual({
      finalists: [applicants[1], applicants[0]],
      recorded: true,
    });
  });

  it('falls back on the ranking otherwise', () => {
    expect(shortlistOf(applicants, null, true)).toEqual({
      finalists: applicants.slice(0, 3),
      recorded: false,
    });
  });
});

describe('what the page just recorded', () => {
  it('lays verdicts, scores and withdrawals from the API answer over the read model', () => {
    const applicants = [applicant('a1', { verdict: null }), applicant('a2'), applicant('a3')];
    const events = [
      { type: 'AdministrativeVerdictRecorded', data: { applicantId: 'a1', verdict: 'ineligible' } },
      {
        type: 'StageResultsRecorded',
        data: { stageId: 'interview', results: [{ applicantId: 'a2', score: 81 }] },
      },
      { type: 'ApplicantWithdrawn', data: { applicantId: 'a3', cause: 'absent' } },
      { type: 'PlanRecommended', data: {} },
    ];
    const after = withRecorded(applicants, events);
    expect(after.map((a) => [a.verdict, a.scores, a.withdrawn])).toEqual([
      ['ineligible', {}, false],
      ['eligible', { interview: 81 }, false],
      ['eligible', {}, true],
    ]);
  });
});

describe('the stage in progress on the page', () => {
  it('is the last stage scored, until it is published', () => {
    const scored = { type: 'StageResultsRecorded', data: { stageId: 'paper' } };
    expect(stageInProgress([scored])).toBe('paper');
    expect(
      stageInProgress([scored, { type: 'StageResultsPublished', data: { stageId: 'paper' } }]),
    ).toBeNull();
    expect(
      stageInProgress([{ type: 'AdministrativeVerdictRecorded', data: { applicantId: 'a1' } }]),
    ).toBeNull();
  });
});

describe('stage order', () => {
  it('reads the published stages from the publications and orders the scored ones by them', () => {
    const order = publishedStages([
      { summary: 'StageResultsPublished: post dinkes, stage admin' },
      { summary: 'StageResultsPublished: post dinkes, stage assessment' },
      { summary: 'StageResultsPublished: post dinkes, stage paper' },
    ]);
    expect(order).toEqual(['admin', 'assessment', 'paper']);
    expect(
      scoredStages([applicant('a1', { scores: { paper: 80, interview: 75, assessment: 70 } })], order),
    ).toEqual(['assessment', 'paper', 'interview']);
  });
});
