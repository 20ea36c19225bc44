import { awaitedDecisions } from './awaiting';
import { getPolicy } from '../policy/registry';
import { command, RoundBuilder } from '../testing';

const policy = getPolicy('bkn-2024');
const panselStep = (b: RoundBuilder): string | undefined =>
  awaitedDecisions(b.stream.state, policy).find((a) => a.role === 'pansel')?.command;

describe("the pansel's next step on a post in selection", () => {
  it('walks verdicts, their publication, each stage then its publication, and ends at the shortlist', () => {
    const b = new RoundBuilder().announce().register('dinkes', 4).closeAll();
    expect(panselStep(b)).toBe('RecordAdministrativeVerdict');
    const [first, ...rest] = b.round.posts['dinkes']?.applicants ?? [];
    b.run(
      command(
        'RecordAdministrativeVerdict',
        { postId: 'dinkes', applicantId: first?.applicantId ?? '' },
        b.day(24),
        'pansel',
      ),
    );
    expect(panselStep(b)).toBe('RecordAdministrativeVerdict');
    for (const a of rest)
      b.run(
        command(
          'RecordAdministrativeVerdict',
          { postId: 'dinkes', applicantId: a.applicantId },
          b.day(24),
          'pansel',
        ),
      );
    expect(panselStep(b)).toBe('PublishStageResults');
    b.run(command('PublishStageResults', { postId: 'dinkes', stageId: 'admin' }, b.day(24), 'pansel'));
    expect(panselStep(b)).toBe('RecordStageResults');
    const results = b.proceeding('dinkes').map((a) => ({ applicantId: a.applicantId, score: 80 }));
    b.run(
      command(
        'RecordStageResults',
        { postId: 'dinkes', stageId: 'assessment', results },
        b.day(30),
        'pansel',
      ),
    );
    expect(panselStep(b)).toBe('PublishStageResults');
    b.run(command('PublishStageResults', { postId: 'dinkes', stageId: 'assessment' }, b.day(31), 'pansel'));
    expect(panselStep(b)).toBe('RecordStageResults');
  });

  it('asks for the shortlist once every stage is published', () => {
    const b = new RoundBuilder().announce().register('dinkes', 4).closeAll().verify().stages();
    expect(panselStep(b)).toBe('ProposeShortlist');
  });
});
