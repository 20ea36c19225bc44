/**
 * Runs `work` over `items`, at most `limit` at a time, yet in order among items sharing a key: an
 * item starts only once every earlier item with one of its keys has finished. The results keep the
 * items' order. After a failure nothing new starts, and the first error is thrown.
 */
export async function runKeyed<T, R>(
  items: readonly T[],
  keysOf: (item: T) => readonly string[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const latest = new Map<string, Promise<unknown>>();
  const waiting: Array<() => void> = [];
  let running = 0;
  let failed = false;
  const slot = async (): Promise<void> => {
    if (running < limit) return void (running += 1);
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  const runs = items.map((item) => {
    const keys = keysOf(item);
    const earlier = keys.map((key) => latest.get(key));
    const run = Promise.allSettled(earlier).then(async () => {
      await slot();
      try {
        if (failed) throw new Error('an earlier item failed');
        return await work(item);
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        release();
      }
    });
    for (const key of keys) latest.set(key, run);
    return run;
  });
  return Promise.all(runs);
}
