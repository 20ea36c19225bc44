import { decide } from './decide';
import { stageTopicFor } from './stage-content';
import { planFindings } from './validate-plan';
import { KASN_2019 } from '../policy/kasn-2019';
import { DomainError } from '../shared/errors';
import { aPlan, aPost, command, STANDARD_STAGES } from '../testing/fixtures';
import { fold } from '../testing/run';

const DEFAULT_TOPIC = 'Inovasi pelayanan publik di Kabupaten Contoh';
const stages = STANDARD_STAGES.map((s) => (s.stageId === 'paper' ? { ...s, topic: DEFAULT_TOPIC } : s));
const plan = (dinkesTopics = [{ stageId: 'paper', topic: 'Penurunan angka stunting 2027' }]) =>
  aPlan([aPost('dinkes', 'regular', { stageTopics: dinkesTopics }), aPost('bappeda')], { stages });
const planned = (p = plan()) =>
  decide(command('PlanRound', { roundId: 'r1', plan: p }, '2024-09-02'), fold([]));

describe('stage content per post', () => {
  it("[R12] gives each post its own paper topic, the round's default to the others, and keeps it in the plan", () => {
    const p = plan();
    const [dinkes, bappeda] = p.posts;
    expect(dinkes && stageTopicFor(p.stages, dinkes, 'paper')).toBe('Penurunan angka stunting 2027');
    expect(bappeda && stageTopicFor(p.stages, bappeda, 'paper')).toBe(DEFAULT_TOPIC);
    expect(bappeda && stageTopicFor(p.stages, bappeda, 'interview')).toBeNull();
    const [event] = planned();
    expect(event?.type === 'RoundPlanned' && event.data.plan.posts[0]?.stageTopics).toEqual([
      { stageId: 'paper', topic: 'Penurunan angka stunting 2027' },
    ]);
  });

  it('[R12] refuses a post topic for a stage not in the catalogue, naming the field', () => {
    const wrong = plan([{ stageId: 'essay', topic: 'x' }]);
    expect(planFindings(wrong, '2024-09-02', KASN_2019, new Set())).toEqual([
      expect.objectContaining({
        code: 'PLAN.INVALID',
        details: { postId: 'dinkes', stageId: 'essay', field: 'plan.posts.0.stageTopics.0.stageId' },
      }),
    ]);
    expect(() => planned(wrong)).toThrow(DomainError);
    const twice = plan([
      { stageId: 'paper', topic: 'a' },
      { stageId: 'paper', topic: 'b' },
    ]);
    expect(planFindings(twice, '2024-09-02', KASN_2019, new Set())[0]?.details).toMatchObject({
      field: 'plan.posts.0.stageTopics.1.stageId',
    });
  });
});
