import type { Sql } from 'postgres';
import { createTestDatabase, testEndpoints, uniqueName } from '@selter/testing';
import { createDeduplicatingHandler } from './dedupe';
import { createOutboxRelay, type OutboxRelay } from './relay';
import {
  append,
  consumeUntil,
  inStreamOrder,
  kafkaClient,
  lastCommittedPosition,
  testDatabase,
  waitFor,
} from './relay.test-helper';
import { topicCatalog } from './topics';

describe('outbox relay to Kafka', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let sql: Sql;
  const kafka = kafkaClient(testEndpoints().kafkaBrokers);
  const relays: OutboxRelay[] = [];

  beforeAll(async () => {
    db = await testDatabase(await createTestDatabase('messaging'));
    sql = db.sql;
  });
  afterAll(async () => {
    await Promise.all(relays.map((r) => r.stop()));
    await db.drop();
  });

  const caughtUp = async (relay: OutboxRelay) => {
    const last = await lastCommittedPosition(sql);
    await waitFor(
      `relay checkpoint at ${last}`,
      async () => (await relay.checkpoint()).globalPosition.toString() === last || undefined,
    );
  };

  it('two relays at once: one publishes, each event exactly once and in stream order; the standby takes over', async () => {
    const topics = topicCatalog({ prefix: uniqueName('two') });
    const [a, b] = [0, 1].map(() =>
      createOutboxRelay({ sql, kafka, name: 'two', topics, batchSize: 25, pollMs: 200 }),
    ) as [OutboxRelay, OutboxRelay];
    relays.push(a, b);
    a.start();
    b.start();
    await waitFor('one relay to hold the lock', () => a.active || b.active || undefined);
    const versions = new Map<string, number>();
    const streams = ['round-1', 'round-2', 'round-3', 'round-4'];
    for (let i = 0; i < 10; i += 1) await Promise.all(streams.map((s) => append(sql, versions, s, 5)));
    await caughtUp(a);
    expect([a.active, b.active].filter(Boolean)).toHaveLength(1);

    const [active, standby] = a.active ? [a, b] : [b, a];
    await active.stop();
    await waitFor('the standby to take over', () => standby.active || undefined);
    for (const s of streams) await append(sql, versions, s, 10);
    await caughtUp(standby);

    const delivered = await consumeUntil(kafka, [topics.round.topic], (d) => d.length >= 240);
    const order = inStreamOrder(delivered);
    expect(delivered).toHaveLength(240); // no double publish while both ran, nor at the hand-over
    expect(streams.map((s) => order.get(s)?.length)).toEqual([60, 60, 60, 60]);
  });

  it('killed between the broker ack and the checkpoint: the batch is delivered again and the consumer drops it', async () => {
    const topics = topicCatalog({ prefix: uniqueName('kill') });
    let kills = 0;
    const relay = createOutboxRelay({
      sql,
      kafka,
      name: 'kill',
      topics,
      batchSize: 20,
      pollMs: 200,
      // The first acknowledged batch dies before its checkpoint, as a process killed right there would.
      afterAck: async () => {
        if (kills === 0) {
          kills += 1;
          throw new Error('killed after ack');
        }
      },
    });
    relays.push(relay);
    await sql`create table effects (event_id uuid primary key, subject text not null)`;
    const versions = new Map<string, number>();
    await append(sql, versions, 'round-k1', 30);
    await append(sql, versions, 'round-k2', 30);
    // A new relay name starts at the beginning of the log, so it also carries the first test's events.
    const ids = (await sql<{ id: string }[]>`select event_id::text as id from events`).map((r) => r.id);
    relay.start();
    await caughtUp(relay);
    expect(kills).toBe(1);

    const delivered = await consumeUntil(kafka, [topics.round.topic], (d) => d.length >= ids.length + 20);
    expect(delivered).toHaveLength(ids.length + 20); // every event, and the killed batch twice
    inStreamOrder(delivered);
    const handle = createDeduplicatingHandler(sql, 'effects-test', async (event, tx) => {
      await tx`insert into effects (event_id, subject) values (${event.id}, ${event.subject})`;
    });
    const outcomes = [];
    for (const d of delivered) outcomes.push(await handle(d.event));
    expect(outcomes.filter((o) => o.duplicate)).toHaveLength(20);
    const effects = await sql<{ event_id: string }[]>`select event_id from effects`;
    expect(effects.map((e) => e.event_id).sort()).toEqual([...ids].sort());
  });
});
