import { randomUUID } from 'node:crypto';
import { appendToStream, generateSigner, parseSignedCheckpoint, verifyStore } from '@selter/event-store';
import { RoundBuilder } from '@selter/domain/testing';
import { createLogger } from '@selter/logging';
import { readPublishedCheckpoints, topicCatalog, type PublishedCheckpoint } from '@selter/messaging';
import { roundPosts } from '@selter/projections';
import { createTestDatabase, testEndpoints } from '@selter/testing';
import { Kafka, logLevel } from 'kafkajs';
import postgres from 'postgres';
import { startBackbone } from './backbone';
import { until } from './until.test-helper';

describe('the backbone service', () => {
  it('projects appended events, relays them to Kafka, and publishes signed checkpoints that verify the store', async () => {
    const db = await createTestDatabase('backbone');
    const sql = postgres(db.url, { max: 6, onnotice: () => undefined });
    // Topics are per broker, so this test reads them with a consumer group of its own.
    const kafka = new Kafka({
      clientId: 'backbone-test',
      brokers: testEndpoints().kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    const signer = generateSigner();
    const { stop } = await startBackbone({
      sql,
      kafka,
      signer,
      checkpointIntervalMs: 500,
      log: createLogger({ component: 'backbone-test', level: 'warn', format: 'json' }),
    });
    const consumer = kafka.consumer({ groupId: `backbone-test-${randomUUID()}` });
    try {
      // The events a real round starts with, as the domain decides them.
      const roundId = `round-${randomUUID()}`;
      const planned = new RoundBuilder().stream.events;
      await appendToStream(
        sql,
        roundId,
        'no_stream',
        planned.map((e) => ({
          eventId: randomUUID(),
          type: e.type,
          data: e.data,
          metadata: { ...e.metadata },
          recordedAt: '2026-03-02T08:00:00.000Z',
        })),
      );
      const posts = await until('the read model', async () => {
        const rows = await roundPosts(sql, roundId);
        return rows.length ? rows : undefined;
      });
      expect(posts.length).toBe(new RoundBuilder().plan.posts.length);
      expect(posts[0]).toMatchObject({ round_id: roundId, round_status: 'planned', post_status: 'planned' });

      const topics = topicCatalog();
      const received: Array<{ topic: string; key: string; value: string }> = [];
      await consumer.connect();
      await consumer.subscribe({
        topics: [topics.round.topic, topics.checkpoint.topic],
        fromBeginning: true,
      });
      void consumer.run({
        eachMessage: async ({ topic, message }) =>
          void received.push({ topic, key: String(message.key), value: String(message.value) }),
      });
      const relayed = await until('the relayed event', async () =>
        received.find((m) => m.topic === topics.round.topic && m.key === roundId),
      );
      expect(JSON.parse(relayed.value)).toMatchObject({
        specversion: '1.0',
        type: 'RoundPlanned',
        subject: roundId,
      });

      const published = await until('a published checkpoint covering the event', async () => {
        const all = received
          .filter((m) => m.topic === topics.checkpoint.topic)
          .map((m) => JSON.parse(m.value) as PublishedCheckpoint);
        return all
          .map((p) => parseSignedCheckpoint(p.signedBody, p.signature))
          .find((cp) => cp.body.keyId === signer.keyId && cp.body.treeSize >= 1);
      });
      const report = await verifyStore(sql, { publicKeys: [signer.publicKey], trusted: [published] });
      expect(report).toMatchObject({ ok: true, eventsChecked: planned.length });
      // An auditor reads the same copies back from the topic, without the database's help.
      const fromKafka = await readPublishedCheckpoints(
        kafka,
        topics.checkpoint.topic,
        `auditor-${randomUUID()}`,
      );
      expect(
        fromKafka.filter((cp) => cp.body.keyId === signer.keyId).map((cp) => cp.checkpointHash),
      ).toContain(published.checkpointHash);
    } finally {
      await consumer.disconnect();
      await stop();
      await sql.end();
      await db.drop();
    }
  });
});
