import { postSteps, roundCancellable, roundSteps } from './manage-steps';

describe("the operator's next steps", () => {
  it('follow the round from plan to announcement', () => {
    expect(roundSteps('planned')[0]).toBe('SubmitPlanForRecommendation');
    expect(roundSteps('submitted')).toEqual([]);
    expect(roundSteps('rejected')).toEqual(['RevisePlan']);
    expect(roundSteps('recommended')[0]).toBe('AnnounceRound');
    expect(roundCancellable('announced')).toBe(true);
    expect(roundCancellable('closed')).toBe(false);
  });

  it('leave stage results to the pansel and the choice to the PPK', () => {
    expect(postSteps({ status: 'registration' })).toEqual(
      expect.arrayContaining(['RegisterApplicant', 'CloseRegistration', 'ExtendRegistration']),
    );
    for (const status of ['selection', 'shortlisted', 'chosen']) {
      expect(postSteps({ status })).not.toEqual(expect.arrayContaining(['RecordStageResults']));
      expect(postSteps({ status })).not.toEqual(expect.arrayContaining(['ChooseAppointee']));
    }
    expect(postSteps({ status: 'rerun-required' })[0]).toBe('RerunPost');
    expect(postSteps({ status: 'inaugurated' })).toEqual([]);
  });
});
