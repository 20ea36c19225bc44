import { randomUUID } from 'node:crypto';
import {
  acknowledgeSigningAlarm,
  appendToStream,
  checkpointCoversStream,
  generateSigner,
  latestCheckpoint,
  requestCheckpoint,
} from '@selter/event-store';
import { createLogger } from '@selter/logging';
import { topicCatalog } from '@selter/messaging';
import { createTestDatabase, testEndpoints } from '@selter/testing';
import { Kafka, logLevel } from 'kafkajs';
import postgres, { type Sql } from 'postgres';
import { startBackbone } from './backbone';
import { until } from './until.test-helper';

const append = (sql: Sql, stream: string, from: number, count: number) =>
  appendToStream(
    sql,
    stream,
    from || 'no_stream',
    Array.from({ length: count }, (_, i) => ({
      eventId: randomUUID(),
      type: 'StageResultRecorded',
      data: { n: from + i + 1 },
      metadata: {},
      recordedAt: '2026-03-02T08:00:00.000Z',
    })),
  );

/** As a database superuser would, with every trigger off. */
const tamper = (sql: Sql, statement: (tx: Sql) => Promise<unknown>) =>
  sql.begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    await statement(tx as unknown as Sql);
  });

interface Health {
  status: string;
  reason?: string;
  alarm?: { id: string; code: string; streamId?: string; streamVersion?: number; globalPosition?: string };
}

/** A backbone over a store with a signed round, a consumer of the alarm topic, and what the case does to the round. */
async function refusalAfter(
  damage: (sql: Sql, roundId: string) => Promise<unknown>,
  expected: { code: string; streamVersion: number },
): Promise<void> {
  const db = await createTestDatabase('signing_alarm');
  const sql = postgres(db.url, { max: 6, onnotice: () => undefined });
  const kafka = new Kafka({
    clientId: 'signing-alarm-test',
    brokers: testEndpoints().kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  const log = createLogger({ component: 'signing-alarm-test', level: 'fatal', format: 'json' });
  const backbone = await startBackbone({
    sql,
    kafka,
    signer: generateSigner(),
    checkpointIntervalMs: 300,
    log,
    http: { host: '127.0.0.1', port: 0 },
  });
  const consumer = kafka.consumer({ groupId: `signing-alarm-test-${randomUUID()}` });
  const health = async (): Promise<{ code: number; body: Health }> => {
    const res = await fetch(`${backbone.httpUrl}/health`);
    return { code: res.status, body: (await res.json()) as Health };
  };
  try {
    const roundId = `round-${randomUUID()}`;
    await append(sql, roundId, 0, 16);
    await append(sql, `round-${randomUUID()}`, 0, 4);
    await until('a checkpoint over the round', async () =>
      (await checkpointCoversStream(sql, roundId)) ? true : undefined,
    );
    expect(await health()).toEqual({ code: 200, body: { status: 'ok', signing: 'ok' } });
    const alarms: Array<{
      type: string;
      data: { code: string; streamId?: string; streamVersion?: number; globalPosition?: string };
    }> = [];
    await consumer.connect();
    await consumer.subscribe({ topic: topicCatalog().alarm.topic, fromBeginning: true });
    void consumer.run({
      eachMessage: async ({ message }) =>
        void alarms.push(JSON.parse(String(message.value)) as (typeof alarms)[number]),
    });

    await damage(sql, roundId);
    await append(sql, `round-${randomUUID()}`, 0, 2);
    const degraded = await until('health degraded', async () => {
      const h = await health();
      return h.code === 503 ? h.body : undefined;
    });
    // An edit is noticed through the table's statistics, which reach the backbone within a second or so:
    // a pass in between signs the tree it holds, the hashes read before the edit, never the edited record.
    const signedBefore = (await latestCheckpoint(sql))?.body.sequence;
    expect(degraded).toMatchObject({ status: 'degraded', alarm: { ...expected, streamId: roundId } });
    expect(degraded.reason).toContain(roundId);
    expect(degraded.alarm?.globalPosition).toMatch(/^\d+$/);
    const event = await until('the alarm on Kafka', async () =>
      alarms.find((a) => a.data.streamId === roundId),
    );
    expect(event).toMatchObject({
      type: 'CheckpointSigningRefused',
      data: { ...expected, streamId: roundId, globalPosition: degraded.alarm?.globalPosition },
    });
    expect(await (await fetch(`${backbone.httpUrl}/metrics`)).text()).toMatch(
      /^selter_checkpoint_signing_refused 1$/m,
    );

    // It keeps refusing: new events and requests sign nothing while the alarm is open.
    await append(sql, `round-${randomUUID()}`, 0, 1);
    await requestCheckpoint(sql);
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await latestCheckpoint(sql))?.body.sequence).toBe(signedBefore);
    expect((await health()).code).toBe(503);

    // The operator's acknowledgement (npm run ops -- signing-alarms ack) lets it sign again, over the log as it is.
    expect(
      await acknowledgeSigningAlarm(
        sql,
        degraded.alarm?.id as string,
        'operator-1',
        'investigated: incident 7',
      ),
    ).toBe(true);
    await until(
      'signing resumed',
      async () => ((await latestCheckpoint(sql))?.body.sequence ?? 0) > (signedBefore ?? 0) || undefined,
    );
    expect((await health()).code).toBe(200);
  } finally {
    await consumer.disconnect();
    await backbone.stop();
    await sql.end();
    await db.drop();
  }
}

describe('the backbone never signs over a broken log', () => {
  it('refuses after a superuser cut of a round tail: health degraded with the reason, the alarm on Kafka, until acknowledged', () =>
    refusalAfter(
      (sql, roundId) =>
        tamper(sql, (tx) => tx`delete from events where stream_id = ${roundId} and stream_version >= 14`),
      { code: 'TAIL_CUT', streamVersion: 14 },
    ));

  it('refuses after a superuser edit in the middle of a signed round', () =>
    refusalAfter(
      (sql, roundId) =>
        tamper(
          sql,
          (tx) =>
            tx`update events set record = replace(record, '"n":7', '"n":70') where stream_id = ${roundId} and stream_version = 7`,
        ),
      { code: 'HASH_MISMATCH', streamVersion: 7 },
    ));
});
