import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureKafkaJars, freePort, startKafkaBroker, type RunningKafka } from '@selter/engines';
import { createTestDatabase, testEndpoints, uniqueName } from '@selter/testing';
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

// A broker of this file's own, so stopping it cannot disturb other test files.
describe('outbox relay when the Kafka broker stops under load', () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  let broker: RunningKafka | undefined;
  let relay: OutboxRelay | undefined;
  let start: () => Promise<RunningKafka>;

  beforeAll(async () => {
    const { cacheDir, workDir } = testEndpoints();
    const libsDir = ensureKafkaJars(cacheDir, () => undefined);
    if (!libsDir) throw new Error('Kafka jars unavailable');
    const dataDir = join(workDir, uniqueName('relay-faults'));
    mkdirSync(dataDir, { recursive: true });
    chmodSync(dataDir, 0o755);
    const [port, controllerPort] = [await freePort(), await freePort()];
    start = () =>
      startKafkaBroker({
        libsDir,
        dataDir,
        port,
        controllerPort,
        logFile: join(dataDir, 'kafka.log'),
        heapMb: 384,
      });
    broker = await start();
    db = await testDatabase(await createTestDatabase('messaging'));
  }, 120_000);
  afterAll(async () => {
    await relay?.stop();
    await broker?.stop();
    await db?.drop();
  });

  it('keeps appending while the broker is down, then catches up in order with nothing lost', async () => {
    const { sql } = db;
    const kafka = kafkaClient(broker?.brokers ?? []);
    const topics = topicCatalog({ prefix: 'faults', partitions: 3 });
    relay = createOutboxRelay({ sql, kafka, name: 'faults', topics, batchSize: 50, pollMs: 200 });
    relay.start();
    const versions = new Map<string, number>();
    const streams = ['round-f1', 'round-f2', 'round-f3'];
    let appended = 0;
    let stopAppending = false;
    const appender = (async () => {
      for (let i = 0; i < 10_000 && !stopAppending; i += 1) {
        await append(sql, versions, streams[i % streams.length] ?? 'round-f1', 4);
        appended += 4;
        await new Promise((r) => setImmediate(r));
      }
    })();

    await waitFor(
      'the relay to publish under load',
      async () => ((await relay?.checkpoint())?.globalPosition ?? 0n) > 100n || undefined,
    );
    await broker?.stop();
    const appendedAtStop = appended;
    await waitFor(
      'appends to go on while the broker is down',
      () => appended >= appendedAtStop + 400 || undefined,
    );
    const stuckAt = (await relay.checkpoint()).globalPosition;
    broker = await start();
    await waitFor('more appends after the restart', () => appended >= appendedAtStop + 800 || undefined);
    stopAppending = true;
    await appender;

    const last = await lastCommittedPosition(sql);
    await waitFor(
      'the relay to catch up',
      async () => (await relay?.checkpoint())?.globalPosition.toString() === last || undefined,
      120_000,
    );
    expect(BigInt(last) - stuckAt).toBeGreaterThanOrEqual(400n); // the backlog built up while the broker was down

    const delivered = await consumeUntil(
      kafkaClient(broker.brokers),
      [topics.round.topic],
      (d) => new Set(d.map((x) => x.event.id)).size >= appended,
      90_000,
    );
    const order = inStreamOrder(delivered); // throws on any gap or reordering within a stream
    expect([...order.values()].reduce((n, ids) => n + ids.length, 0)).toBe(appended);
    expect(streams.map((s) => order.get(s)?.length)).toEqual(streams.map((s) => versions.get(s)));
  }, 240_000);
});
