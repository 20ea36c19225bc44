import { createTestDatabase, testEndpoints, uniqueName } from '@selter/testing';
import { Connection } from '@temporalio/client';
import { Kafka, logLevel } from 'kafkajs';
import postgres from 'postgres';
import { TEMPORAL_SERVER_VERSION } from './versions';

// These prove the test setup talks to real servers, not fakes: each asserts something only
// the real engine can do.
describe('the engines started for the test run', () => {
  it('PostgreSQL stores a row and reads it back, in a real server with transactions', async () => {
    const db = await createTestDatabase('engines');
    const sql = postgres(db.url, { max: 2, onnotice: () => undefined });
    try {
      await sql`create table probe (id serial primary key, note text not null)`;
      await sql.begin(async (tx) => {
        await tx`insert into probe (note) values (${'seleksi terbuka'})`;
      });
      await expect(
        sql.begin(async (tx) => {
          await tx`insert into probe (note) values (${'rolled back'})`;
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      const rows = await sql<{ note: string }[]>`select note from probe order by id`;
      expect(rows.map((r) => r.note)).toEqual(['seleksi terbuka']);
      const [version] = await sql<{ server_version_num: string }[]>`show server_version_num`;
      expect(Number(version?.server_version_num)).toBeGreaterThanOrEqual(150000);
    } finally {
      await sql.end();
      await db.drop();
    }
  });

  it('Kafka accepts a message on a new topic and delivers it to a consumer group', async () => {
    const kafka = new Kafka({
      clientId: 'engines-test',
      brokers: testEndpoints().kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    const topic = uniqueName('probe');
    const admin = kafka.admin();
    const producer = kafka.producer({ idempotent: true });
    const consumer = kafka.consumer({ groupId: uniqueName('group') });
    try {
      await admin.connect();
      expect(await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true })).toBe(
        true,
      );
      await producer.connect();
      await producer.send({ topic, acks: -1, messages: [{ key: 'round-1', value: 'RegistrationClosed' }] });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const received = await new Promise<{ key: string; value: string }>((resolve) => {
        void consumer.run({
          eachMessage: async ({ message }) =>
            resolve({ key: String(message.key), value: String(message.value) }),
        });
      });
      expect(received).toEqual({ key: 'round-1', value: 'RegistrationClosed' });
    } finally {
      await Promise.allSettled([consumer.disconnect(), producer.disconnect(), admin.disconnect()]);
    }
  });

  it('Temporal answers as a real server with the default namespace and Updates enabled', async () => {
    const connection = await Connection.connect({ address: testEndpoints().temporalAddress });
    try {
      const info = await connection.workflowService.getSystemInfo({});
      expect(info.serverVersion).toBe(TEMPORAL_SERVER_VERSION);
      const ns = await connection.workflowService.describeNamespace({ namespace: 'default' });
      expect(ns.namespaceInfo?.name).toBe('default');
    } finally {
      await connection.close();
    }
  });
});
