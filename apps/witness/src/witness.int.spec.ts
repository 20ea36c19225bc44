import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendToStream,
  Checkpointer,
  EVENT_STORE_MIGRATIONS,
  generateSigner,
  loadMigrations,
  migrate,
  verifyCosignature,
  type WitnessMessage,
} from '@selter/event-store';
import { createLogger } from '@selter/logging';
import { CheckpointPublisher, ensureTopics, topicCatalog } from '@selter/messaging';
import { createTestDatabase, testEndpoints } from '@selter/testing';
import { Kafka, logLevel } from 'kafkajs';
import postgres, { type Sql } from 'postgres';
import { startWitness } from './witness';

const append = (sql: Sql, stream: string, count: number) =>
  appendToStream(
    sql,
    stream,
    'no_stream',
    Array.from({ length: count }, (_, i) => ({
      eventId: randomUUID(),
      type: 'StageResultRecorded',
      data: { i },
      metadata: {},
      recordedAt: '2026-03-02T08:00:00.000Z',
    })),
  );

async function store(name: string): Promise<{ sql: Sql; close(): Promise<void> }> {
  const db = await createTestDatabase(name);
  const sql = postgres(db.url, { max: 4, onnotice: () => undefined });
  await migrate(sql, loadMigrations('event-store', EVENT_STORE_MIGRATIONS));
  return {
    sql,
    close: async () => {
      await sql.end();
      await db.drop();
    },
  };
}

describe('the witness', () => {
  it('cosigns checkpoints consistent with the last one it cosigned and refuses a fork', async () => {
    const topics = topicCatalog({ prefix: `witness-${randomUUID().slice(0, 8)}` });
    const kafka = new Kafka({
      clientId: 'witness-test',
      brokers: testEndpoints().kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [topics.checkpoint, topics.cosignature]).finally(() => admin.disconnect());
    const dir = mkdtempSync(join(tmpdir(), 'selter-witness-'));
    const logSigner = generateSigner();
    const witnessKey = generateSigner();
    const [honest, forked] = [await store('witness_a'), await store('witness_b')];
    const publisher = new CheckpointPublisher(kafka, topics.checkpoint.topic);
    const received: WitnessMessage[] = [];
    const consumer = kafka.consumer({ groupId: `witness-test-${randomUUID()}` });
    const stop = await startWitness({
      kafka,
      logKey: logSigner.publicKey,
      signer: witnessKey,
      stateFile: join(dir, 'state.json'),
      topics: { checkpoint: topics.checkpoint.topic, cosignature: topics.cosignature.topic },
      groupId: `witness-${randomUUID()}`,
      log: createLogger({ component: 'witness-test', level: 'fatal', format: 'json' }),
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topic: topics.cosignature.topic, fromBeginning: true });
      void consumer.run({
        eachMessage: async ({ message }) =>
          void received.push(JSON.parse(String(message.value)) as WitnessMessage),
      });
      const until = async (count: number): Promise<void> => {
        for (
          const deadline = Date.now() + 30_000;
          received.length < count;
          await new Promise((r) => setTimeout(r, 100))
        ) {
          if (Date.now() > deadline)
            throw new Error(`${received.length} witness messages, waiting for ${count}`);
        }
      };
      // The log: two checkpoints, the second with its proof from the first.
      const log = new Checkpointer(honest.sql, logSigner);
      await append(honest.sql, 'round-a', 5);
      const first = await log.pass();
      await append(honest.sql, 'round-b', 3);
      const second = await log.pass();
      for (const pass of [first, second]) if (pass) await publisher.publish(pass.signed, pass.consistency);
      await until(2);
      expect(received.map((m) => m.type)).toEqual(['CheckpointCosigned', 'CheckpointCosigned']);
      for (const m of received)
        if (m.type === 'CheckpointCosigned') expect(verifyCosignature(m.cosignature)).toBe(true);
      expect(received[1]).toMatchObject({
        cosignature: {
          body: {
            sequence: 2,
            treeSize: 8,
            witnessKeyId: witnessKey.keyId,
            checkpointHash: second?.signed.checkpointHash,
          },
        },
      });
      expect(statSync(join(dir, 'state.json')).mode & 0o777).toBe(0o600);

      // A fork signed with the log's own key: another history of three checkpoints, the third with a valid proof from its own second.
      const fork = new Checkpointer(forked.sql, logSigner);
      for (const n of [4, 4, 4]) {
        await append(forked.sql, `round-${randomUUID()}`, n);
        const pass = await fork.pass();
        if (pass?.signed.body.sequence === 3) await publisher.publish(pass.signed, pass.consistency);
      }
      await until(3);
      expect(received[2]).toMatchObject({
        type: 'CheckpointCosignRefused',
        sequence: 3,
        witnessKeyId: witnessKey.keyId,
      });
      expect((received[2] as { reason: string }).reason).toMatch(/no proof from 8 events|not consistent/);

      // The honest log goes on: its third checkpoint extends the second, and is cosigned.
      await append(honest.sql, 'round-c', 2);
      const third = await log.pass();
      if (third) await publisher.publish(third.signed, third.consistency);
      await until(4);
      expect(received[3]).toMatchObject({
        type: 'CheckpointCosigned',
        cosignature: { body: { sequence: 3, treeSize: 10 } },
      });
    } finally {
      await consumer.disconnect();
      await stop();
      await publisher.close();
      await honest.close();
      await forked.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
