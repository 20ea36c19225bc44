import postgres from 'postgres';
import { createRawTable, rawInsertRate } from '../raw-insert';
import type { Scenario } from '../harness';

/**
 * The raw same-shape INSERT transaction through `postgres`, at 1 and at 16 concurrent clients:
 * the baseline later event-store scenarios are compared with. value = 16-client rate,
 * baseline = 1-client rate, ratio = how much concurrency buys on this disk (group commit).
 */
const scenario: Scenario = {
  name: 'pg-append-raw',
  description: 'raw event-shaped INSERT transactions at 1 and 16 clients',
  needs: ['postgres'],
  async run({ engines, log }) {
    const sql = postgres(engines.databaseUrl, { max: 1, onnotice: () => undefined });
    await createRawTable(sql, 'bench_raw_1');
    await createRawTable(sql, 'bench_raw_16');
    await sql.end();
    const durationMs = 5_000;
    await rawInsertRate(engines.databaseUrl, 'bench_raw_1', { clients: 1, batch: 1, durationMs: 500 }); // warm-up
    const one = await rawInsertRate(engines.databaseUrl, 'bench_raw_1', { clients: 1, batch: 1, durationMs });
    const sixteen = await rawInsertRate(engines.databaseUrl, 'bench_raw_16', {
      clients: 16,
      batch: 1,
      durationMs,
    });
    log(
      `raw insert: 1 client ${one.transactionsPerSecond.toFixed(0)} tx/s, 16 clients ${sixteen.transactionsPerSecond.toFixed(0)} tx/s`,
    );
    return {
      unit: 'tx/s',
      value: sixteen.transactionsPerSecond,
      baseline: one.transactionsPerSecond,
      ratio: sixteen.transactionsPerSecond / one.transactionsPerSecond,
      details: { clients1: one.transactionsPerSecond, clients16: sixteen.transactionsPerSecond, durationMs },
    };
  },
};
export default scenario;
