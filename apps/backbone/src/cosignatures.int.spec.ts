import { randomUUID } from 'node:crypto';
import {
  appendToStream,
  checkpointCosigners,
  cosign,
  generateSigner,
  latestCheckpoint,
  type WitnessMessage,
} from '@selter/event-store';
import { createLogger } from '@selter/logging';
import { RELAY_PRODUCER_CONFIG, topicCatalog } from '@selter/messaging';
import { createTestDatabase, testEndpoints } from '@selter/testing';
import { Kafka, logLevel } from 'kafkajs';
import postgres from 'postgres';
import { startBackbone } from './backbone';
import { until } from './until.test-helper';

describe('cosignatures', () => {
  it('are stored from the cosignature topic when they verify and name a stored checkpoint, and reported by sequence', async () => {
    const db = await createTestDatabase('cosignatures');
    const sql = postgres(db.url, { max: 6, onnotice: () => undefined });
    const kafka = new Kafka({
      clientId: 'cosignatures-test',
      brokers: testEndpoints().kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    const backbone = await startBackbone({
      sql,
      kafka,
      signer: generateSigner(),
      checkpointIntervalMs: 300,
      log: createLogger({ component: 'cosignatures-test', level: 'fatal', format: 'json' }),
    });
    const producer = kafka.producer(RELAY_PRODUCER_CONFIG);
    try {
      await appendToStream(sql, `round-${randomUUID()}`, 'no_stream', [
        {
          eventId: randomUUID(),
          type: 'RoundPlanned',
          data: {},
          metadata: {},
          recordedAt: '2026-03-02T08:00:00.000Z',
        },
      ]);
      const checkpoint = await until('a checkpoint', async () => {
        const cp = await latestCheckpoint(sql);
        return cp && cp.body.treeSize === 1 ? cp : undefined;
      });
      expect(await checkpointCosigners(sql, checkpoint.body.sequence)).toEqual([]);
      const witness = generateSigner();
      const good = cosign(witness, checkpoint, new Date('2026-03-02T08:01:00Z'));
      const forged = {
        ...cosign(generateSigner(), checkpoint, new Date()),
        witnessPublicKey: good.witnessPublicKey,
      };
      const elsewhere = cosign(
        generateSigner(),
        { ...checkpoint, checkpointHash: 'ab'.repeat(32) },
        new Date(),
      );
      await producer.connect();
      const messages: WitnessMessage[] = [forged, elsewhere, good].map((cosignature) => ({
        type: 'CheckpointCosigned',
        cosignature,
      }));
      await producer.send({
        topic: topicCatalog().cosignature.topic,
        messages: messages.map((m, i) => ({ key: `test-${i}-${randomUUID()}`, value: JSON.stringify(m) })),
      });
      const cosigners = await until('the cosignature stored', async () => {
        const rows = await checkpointCosigners(sql, checkpoint.body.sequence);
        return rows.length ? rows : undefined;
      });
      expect(cosigners).toEqual([{ witnessKeyId: witness.keyId, cosignedAt: '2026-03-02T08:01:00.000Z' }]);
      const [{ n } = { n: -1 }] = await sql<
        Array<{ n: number }>
      >`select count(*)::int as n from checkpoint_cosignatures`;
      expect(n).toBe(1);
    } finally {
      await producer.disconnect();
      await backbone.stop();
      await sql.end();
      await db.drop();
    }
  });
});
