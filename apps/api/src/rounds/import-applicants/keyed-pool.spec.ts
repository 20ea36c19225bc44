import { runKeyed } from './keyed-pool';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runKeyed', () => {
  it('runs up to the limit at once, keeps the results in order, and items sharing a key one after another in order', async () => {
    const items = [
      { id: 1, key: 'a', ms: 30 },
      { id: 2, key: 'b', ms: 5 },
      { id: 3, key: 'a', ms: 1 },
      { id: 4, key: 'c', ms: 5 },
      { id: 5, key: 'a', ms: 1 },
      { id: 6, key: 'd', ms: 1 },
    ];
    const log: string[] = [];
    let inFlight = 0;
    let most = 0;
    const results = await runKeyed(items, (i) => [i.key], 3, async (i) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      log.push(`start ${i.id}`);
      await tick(i.ms);
      log.push(`end ${i.id}`);
      inFlight -= 1;
      return i.id * 10;
    });
    expect(results).toEqual([10, 20, 30, 40, 50, 60]);
    expect(most).toBe(3);
    const at = (entry: string) => log.indexOf(entry);
    expect(at('end 1')).toBeLessThan(at('start 3'));
    expect(at('end 3')).toBeLessThan(at('start 5'));
    // Unrelated items do not wait for the slow first one.
    expect(at('end 2')).toBeLessThan(at('end 1'));
    expect(at('end 6')).toBeLessThan(at('end 1'));
  });

  it('throws the first failure and starts nothing after it', async () => {
    const started: number[] = [];
    const run = runKeyed([1, 2, 3, 4], () => ['same'], 2, async (n) => {
      started.push(n);
      if (n === 2) throw new Error('outage');
      return n;
    });
    await expect(run).rejects.toThrow('outage');
    await tick(5);
    expect(started).toEqual([1, 2]);
  });
});
