// relay-drain: the outbox relay drains a 100,000-event backlog to Kafka, against raw kafkajs
// producing the same messages (same envelopes, keys, batch size, producer settings) to a twin topic.
import { Kafka, logLevel, type Admin } from 'kafkajs';
import type { Sql } from 'postgres';
import {
  CLOUDEVENTS_CONTENT_TYPE,
  createOutboxRelay,
  ensureTopics,
  messagingMigrations,
  RELAY_ACKS,
  RELAY_PRODUCER_CONFIG,
  toCloudEvent,
  topicCatalog,
  type TopicCatalog,
} from '@selter/messaging';
import { readCommittedEvents } from '@selter/event-store';
import type { Scenario } from '../harness';
import { scenarioDatabase } from '../databases';
import { seedEvents } from './rebuild-1m';

const EVENTS = 100_000;
const BATCH = 1_000;
const SOURCE = 'urn:selter:event-store';

type Message = { key: string; value: string; headers: Record<string, string> };

async function backlogMessages(sql: Sql): Promise<Message[]> {
  const events = await readCommittedEvents(sql, undefined, EVENTS + 1);
  return events.map((e) => ({
    key: e.streamId,
    value: JSON.stringify(toCloudEvent(e, SOURCE)),
    headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE },
  }));
}

/** Messages in a topic: the sum of its partitions' high watermarks (fresh topics start at 0). */
async function topicSize(admin: Admin, topic: string): Promise<number> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets.reduce((n, p) => n + Number(p.high), 0);
}

async function rawProduceRate(kafka: Kafka, topic: string, messages: Message[]): Promise<number> {
  const producer = kafka.producer(RELAY_PRODUCER_CONFIG);
  await producer.connect();
  const start = performance.now();
  for (let i = 0; i < messages.length; i += BATCH)
    await producer.sendBatch({
      acks: RELAY_ACKS,
      topicMessages: [{ topic, messages: messages.slice(i, i + BATCH) }],
    });
  const rate = (messages.length * 1000) / (performance.now() - start);
  await producer.disconnect();
  return rate;
}

/** The relay's drain rate, from taking the lock to a checkpoint at the last event. */
async function relayDrainRate(sql: Sql, kafka: Kafka, topics: TopicCatalog): Promise<number> {
  const [last] = await sql<{ gp: string }[]>`select max(global_position)::text as gp from events`;
  const relay = createOutboxRelay({
    sql,
    kafka,
    name: 'bench',
    source: SOURCE,
    topics,
    batchSize: BATCH,
    pollMs: 50,
  });
  relay.start();
  try {
    // Throughput from the moment the relay holds the lock (connecting and topic checks excluded).
    while (!relay.active) await new Promise((r) => setTimeout(r, 5));
    const start = performance.now();
    const deadline = Date.now() + 300_000;
    while ((await relay.checkpoint()).globalPosition.toString() !== last?.gp) {
      if (Date.now() > deadline) throw new Error('relay did not drain the backlog within 300 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    return (EVENTS * 1000) / (performance.now() - start);
  } finally {
    await relay.stop();
  }
}

const scenario: Scenario = {
  name: 'relay-drain',
  description:
    'outbox relay drains a 100,000-event backlog to Kafka vs raw kafkajs producing the same messages',
  needs: ['postgres', 'kafka'],
  async run({ engines, log }) {
    if (!engines.kafkaBrokers) throw new Error('Kafka is not running');
    const { sql } = await scenarioDatabase(engines.databaseUrl, 'bench_relay', 8, messagingMigrations());
    const kafka = new Kafka({
      clientId: 'bench-relay',
      brokers: engines.kafkaBrokers,
      logLevel: logLevel.ERROR,
    });
    const admin = kafka.admin();
    await admin.connect();
    try {
      await seedEvents(sql, EVENTS, 'relay');
      const messages = await backlogMessages(sql);
      const prefix = `bench${Date.now()}`;
      const raw = topicCatalog({ prefix: `${prefix}raw` });
      const relayed = topicCatalog({ prefix });
      await ensureTopics(admin, [raw.round, ...relayed.all]);
      await rawProduceRate(kafka, raw.round.topic, messages.slice(0, 5_000)); // warm-up: connections, metadata, JIT
      const baseline = await rawProduceRate(kafka, raw.round.topic, messages);
      log(`raw kafkajs: ${baseline.toFixed(0)} events/s`);
      const value = await relayDrainRate(sql, kafka, relayed);
      log(`relay drain: ${value.toFixed(0)} events/s`);
      const delivered = await topicSize(admin, relayed.round.topic);
      if (delivered < EVENTS)
        throw new Error(`lost events: ${delivered} of ${EVENTS} in ${relayed.round.topic}`);
      return {
        unit: 'events/s',
        value,
        baseline,
        ratio: value / baseline,
        details: {
          events: EVENTS,
          batchSize: BATCH,
          delivered,
          duplicates: delivered - EVENTS,
          target: 10_000,
          meetsTarget: value >= 10_000,
        },
      };
    } finally {
      await admin.disconnect();
      await sql.end();
    }
  },
};
export default scenario;
