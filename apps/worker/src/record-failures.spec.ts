import type { Context } from '@temporalio/activity';
import { recordFailures, STUCK_AFTER_ATTEMPTS } from './record-failures';

const ctx = (activityType: string, attempt: number) =>
  ({
    info: { activityType, attempt, workflowExecution: { workflowId: 'round-kabcontoh-1', runId: 'r' } },
  }) as unknown as Context;

describe('the record-failure log', () => {
  it('names the round of a failing record, as a stuck round from the fifth attempt on, and rethrows', async () => {
    const lines: Array<[string, Record<string, unknown>, string]> = [];
    const stuck: string[] = [];
    const factory = recordFailures(
      { warn: (f, m) => void lines.push(['warn', f, m]), error: (f, m) => void lines.push(['error', f, m]) },
      (id) => void stuck.push(id),
    );
    const fail = () => Promise.reject(new Error('connection lost'));
    for (const attempt of [1, STUCK_AFTER_ATTEMPTS]) {
      await expect(
        factory(ctx('recordRoundDecisions', attempt)).inbound!.execute!({ args: [], headers: {} }, fail),
      ).rejects.toThrow('connection lost');
    }
    await expect(
      factory(ctx('readRoundEvents', 9)).inbound!.execute!({ args: [], headers: {} }, fail),
    ).rejects.toThrow('connection lost');
    expect(lines.map(([level, f]) => [level, f['workflowId'], f['attempt']])).toEqual([
      ['warn', 'round-kabcontoh-1', 1],
      ['error', 'round-kabcontoh-1', STUCK_AFTER_ATTEMPTS],
    ]);
    expect(lines[1]![2]).toContain('stuck: round-kabcontoh-1');
    expect(stuck).toEqual(['round-kabcontoh-1']);
  });
});
