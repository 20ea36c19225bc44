// checkpoint-incremental: the backbone's cost of signing a checkpoint after 10,000 new events on a
// store of 1,000,000 (checks, consistency proof, signature), against hashing those 10,000 events
// alone (read their records, SHA-256 each chain link) in the same run. Signing is incremental when
// the ratio stays near 1 whatever the store's size (target >= 0.5). The passes here fall within the
// checkpointer's count interval (a minute): the index-only count of the whole signed prefix, its
// one check that grows with the store, is reported apart (`countMs`), as it runs once a minute.
import { chainHash, Checkpointer, generateSigner } from '@selter/event-store';
import type { Sql } from 'postgres';
import { scenarioDatabase } from '../databases';
import { medianOf, type Scenario } from '../harness';
import { seedEvents } from './rebuild-1m';

const STORE = Number(process.env.BENCH_CHECKPOINT_STORE ?? 1_000_000);
const NEW = 10_000;
const ROUNDS = 3;

/** Milliseconds to read the records of the events after `after` (by global position) and hash each. */
async function hashNew(sql: Sql, after: string): Promise<number> {
  const start = performance.now();
  const rows = await sql<Array<{ prev_hash: Buffer; record: string }>>`
    select prev_hash, record from events where global_position > ${after}::bigint order by events.transaction_id, events.global_position`;
  for (const r of rows) chainHash(r.prev_hash, r.record);
  if (rows.length !== NEW) throw new Error(`hashed ${rows.length} events, expected ${NEW}`);
  return performance.now() - start;
}

const scenario: Scenario = {
  name: 'checkpoint-incremental',
  description:
    'sign a checkpoint after 10,000 new events on a store of 1,000,000 vs hashing those 10,000 events',
  needs: ['postgres'],
  async run({ engines, log }) {
    const { sql } = await scenarioDatabase(engines.databaseUrl, 'bench_checkpoint_incremental', 8);
    try {
      const seedStart = performance.now();
      await seedEvents(sql, STORE, 'round');
      await sql`vacuum analyze events`;
      log(`seeded ${STORE} events in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
      const checkpointer = new Checkpointer(sql, generateSigner());
      const primeStart = performance.now();
      await checkpointer.pass();
      log(
        `first checkpoint (replays and checks the whole log once) in ${((performance.now() - primeStart) / 1000).toFixed(1)} s`,
      );
      const hashing: number[] = [];
      const signing: number[] = [];
      for (let round = 1; round <= ROUNDS; round += 1) {
        const [last] = await sql<Array<{ gp: string }>>`select max(global_position)::text as gp from events`;
        await seedEvents(sql, NEW, `later-${round}`);
        hashing.push(await medianOf(3, () => hashNew(sql, last?.gp ?? '0')));
        const start = performance.now();
        const pass = await checkpointer.pass();
        signing.push(performance.now() - start);
        if (
          pass?.signed.body.treeSize !== STORE + round * NEW ||
          pass.consistency.fromSize !== STORE + (round - 1) * NEW
        )
          throw new Error(`unexpected checkpoint ${JSON.stringify(pass?.signed.body)}`);
        log(
          `round ${round}: hashing ${hashing.at(-1)?.toFixed(1)} ms, signing ${signing.at(-1)?.toFixed(1)} ms`,
        );
      }
      const countStart = performance.now();
      await sql`select count(*) from events`;
      const countMs = performance.now() - countStart;
      const median = (xs: number[]): number =>
        [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
      const [hashMs, signMs] = [median(hashing), median(signing)];
      const rate = (ms: number): number => (NEW * 1000) / ms;
      return {
        unit: 'events/s',
        value: rate(signMs),
        baseline: rate(hashMs),
        ratio: hashMs / signMs,
        details: {
          store: STORE,
          newEvents: NEW,
          signMs,
          hashMs,
          countMs,
          signingMsPerRound: signing,
          hashingMsPerRound: hashing,
          target: 0.5,
          met: hashMs / signMs >= 0.5,
        },
      };
    } finally {
      await sql.end();
    }
  },
};
export default scenario;
