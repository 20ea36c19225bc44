import { parseSummary } from './timeline-summary';

describe('parseSummary', () => {
  it('splits the known parts and keeps plain words', () => {
    expect(
      parseSummary(
        'AdministrativeVerdictRecorded',
        'AdministrativeVerdictRecorded: post p1, applicant a1, ineligible',
      ),
    ).toEqual({
      parts: [
        { kind: 'post', value: 'p1' },
        { kind: 'applicant', value: 'a1' },
        { kind: 'word', value: 'ineligible' },
      ],
      reason: null,
    });
  });

  it('takes the reason whole, commas and all', () => {
    expect(parseSummary('PostCancelled', 'PostCancelled: post p1, reason: merged, as the PPK asked')).toEqual(
      {
        parts: [{ kind: 'post', value: 'p1' }],
        reason: 'merged, as the PPK asked',
      },
    );
    expect(parseSummary('RoundCancelled', 'RoundCancelled: reason: budget cut')).toEqual({
      parts: [],
      reason: 'budget cut',
    });
  });

  it('counts results and names letters', () => {
    expect(
      parseSummary('StageResultsRecorded', 'StageResultsRecorded: post p1, stage s2, 12 result(s)').parts,
    ).toEqual([
      { kind: 'post', value: 'p1' },
      { kind: 'stage', value: 's2' },
      { kind: 'results', value: '12' },
    ]);
    expect(parseSummary('PlanRecommended', 'PlanRecommended: letter B-778/KASN/2/2021').parts).toEqual([
      { kind: 'letter', value: 'B-778/KASN/2/2021' },
    ]);
  });

  it('has nothing to say for a bare type', () => {
    expect(parseSummary('RoundClosed', 'RoundClosed')).toEqual({ parts: [], reason: null });
  });
});
