import { EVENT_STORE_MIGRATIONS, loadMigrations, migrate, type CheckpointSigner } from '@selter/event-store';
import type { Logger } from '@selter/logging';
import {
  CheckpointPublisher,
  createOutboxRelay,
  ensureTopics,
  messagingMigrations,
  topicCatalog,
  type OutboxRelay,
  type TopicCatalog,
} from '@selter/messaging';
import { createProjectionRunner, projectionsMigrations, ROUND_READ_MODELS } from '@selter/projections';
import type { Kafka } from 'kafkajs';
import type { Sql } from 'postgres';
import { startCheckpoints } from './checkpoints';
import { startCosignatureStore } from './cosignatures';
import { startHttp } from './http';
import { SigningWatch } from './signing-watch';

export interface BackboneOptions {
  sql: Sql;
  /** Absent: events wait in the outbox (the event table) until a broker is configured. */
  kafka?: Kafka;
  signer: CheckpointSigner;
  checkpointIntervalMs: number;
  log: Logger;
  /** The topics and their replication (ADR 0032: 3 on a Strimzi cluster); absent: the catalogue's defaults. */
  topics?: TopicCatalog;
  /** Where `/health` and `/metrics` listen (port 0: any free port); absent: no HTTP server. */
  http?: { host: string; port: number };
}

export interface Backbone {
  stop(): Promise<void>;
  /** The HTTP server's base URL, when one was asked for. */
  httpUrl?: string;
}

/** Every migration the service needs, in dependency order (event store first). */
export const allMigrations = () => [
  ...loadMigrations('event-store', EVENT_STORE_MIGRATIONS),
  ...projectionsMigrations(),
  ...messagingMigrations(),
];

/**
 * The services that keep the event log useful: read models (projections), the outbox relay to
 * Kafka, signed checkpoints published outside the database (on a timer, and soon when asked) with
 * the signing rule's alarm (ADR 18), and witnesses' cosignatures stored from their topic.
 */
export async function startBackbone(o: BackboneOptions): Promise<Backbone> {
  const applied = await migrate(o.sql, allMigrations());
  if (applied.length) o.log.info({ applied }, 'migrations applied');
  const adapt = (message: string, fields?: Record<string, unknown>) => o.log.info(fields ?? {}, message);
  const projections = createProjectionRunner(o.sql, ROUND_READ_MODELS, { log: adapt });
  await projections.start();
  const topics = o.topics ?? topicCatalog();
  let relay: OutboxRelay | undefined;
  let publisher: CheckpointPublisher | undefined;
  let stopCosignatures: (() => Promise<void>) | undefined;
  if (o.kafka) {
    relay = createOutboxRelay({ sql: o.sql, kafka: o.kafka, log: adapt, topics });
    relay.start();
    publisher = new CheckpointPublisher(o.kafka, topics.checkpoint.topic);
    const admin = o.kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [topics.checkpoint, topics.cosignature, topics.alarm]).finally(() =>
      admin.disconnect(),
    );
    stopCosignatures = await startCosignatureStore(o.sql, o.kafka, topics.cosignature.topic, o.log);
  } else {
    o.log.warn(
      'no Kafka broker configured: events stay in the outbox (the event table) until KAFKA_BROKERS is set',
    );
  }
  const watch = new SigningWatch(o.log, o.kafka ? { client: o.kafka, topic: topics.alarm.topic } : undefined);
  const http = o.http ? await startHttp(watch, o.http.host, o.http.port) : undefined;
  const stopCheckpoints = await startCheckpoints({
    sql: o.sql,
    signer: o.signer,
    intervalMs: o.checkpointIntervalMs,
    log: o.log,
    watch,
    ...(publisher ? { publish: (pass) => publisher.publish(pass.signed, pass.consistency) } : {}),
  });
  return {
    ...(http ? { httpUrl: http.url } : {}),
    stop: async () => {
      await stopCheckpoints();
      await http?.close();
      await stopCosignatures?.();
      await relay?.stop();
      await projections.stop();
      await publisher?.close();
      await watch.close();
    },
  };
}
