import { runKeyed } from './keyed-pool';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runKeyed', () => {
  it('runs up to the limit at once, keeps the results in order, and items sharing a key one after another in order', async () => {
    // Each item runs until the test finishes it, so the order is the pool's, not the timers' of a busy machine.
    const items = [
      { id: 1, key: 'a' },
      { id: 2, key: 'b' },
      { id: 3, key: 'a' },
      { id: 4, key: 'c' },
      { id: 5, key: 'a' },
      { id: 6, key: 'd' },
    ];
    const finish = new Map<number, () => void>();
    const started: number[] = [];
    let inFlight = 0;
    let most = 0;
    const run = runKeyed(
      items,
      (i) => [i.key],
      3,
      async (i) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        started.push(i.id);
        await new Promise<void>((resolve) => finish.set(i.id, resolve));
        inFlight -= 1;
        return i.id * 10;
      },
    );
    const settle = async (): Promise<void> => {
      for (let n = 0; n < 5; n += 1) await new Promise((resolve) => setImmediate(resolve));
    };
    const end = async (...ids: number[]): Promise<void> => {
      for (const id of ids) finish.get(id)!();
      await settle();
    };
    await settle();
    expect(started).toEqual([1, 2, 4]); // 3 shares 1's key: it waits
    await end(2);
    expect(started).toEqual([1, 2, 4, 6]); // unrelated items do not wait for the slow first one
    await end(4, 6);
    expect(started).toEqual([1, 2, 4, 6]); // 3 and 5 still wait for 1
    await end(1);
    expect(started).toEqual([1, 2, 4, 6, 3]);
    await end(3);
    expect(started).toEqual([1, 2, 4, 6, 3, 5]);
    await end(5);
    expect(await run).toEqual([10, 20, 30, 40, 50, 60]);
    expect(most).toBe(3);
  });

  it('throws the first failure and starts nothing after it', async () => {
    const started: number[] = [];
    const run = runKeyed(
      [1, 2, 3, 4],
      () => ['same'],
      2,
      async (n) => {
        started.push(n);
        if (n === 2) throw new Error('outage');
        return n;
      },
    );
    await expect(run).rejects.toThrow('outage');
    await tick(5);
    expect(started).toEqual([1, 2]);
  });
});
