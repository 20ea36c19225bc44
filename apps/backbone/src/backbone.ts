import { EVENT_STORE_MIGRATIONS, loadMigrations, migrate, type CheckpointSigner } from '@selter/event-store';
import type { Logger } from '@selter/logging';
import { CheckpointPublisher, createOutboxRelay, messagingMigrations, topicCatalog, type OutboxRelay } from '@selter/messaging';
import { createProjectionRunner, projectionsMigrations, ROUND_READ_MODELS } from '@selter/projections';
import type { Kafka } from 'kafkajs';
import type { Sql } from 'postgres';
import { startCheckpoints } from './checkpoints';

export interface BackboneOptions {
  sql: Sql;
  /** Absent: events wait in the outbox (the event table) until a broker is configured. */
  kafka?: Kafka;
  signer: CheckpointSigner;
  checkpointIntervalMs: number;
  log: Logger;
}

/** Every migration the service needs, in dependency order (event store first). */
export const allMigrations = () => [
  ...loadMigrations('event-store', EVENT_STORE_MIGRATIONS),
  ...projectionsMigrations(),
  ...messagingMigrations(),
];

/**
 * The services that keep the event log useful: read models (projections), the outbox relay to
 * Kafka, and signed checkpoints published outside the database (on a timer, and soon when asked).
 * Returns a stop function.
 */
export async function startBackbone(o: BackboneOptions): Promise<() => Promise<void>> {
  const applied = await migrate(o.sql, allMigrations());
  if (applied.length) o.log.info({ applied }, 'migrations applied');
  const adapt = (message: string, fields?: Record<string, unknown>) => o.log.info(fields ?? {}, message);
  const projections = createProjectionRunner(o.sql, ROUND_READ_MODELS, { log: adapt });
  await projections.start();
  let relay: OutboxRelay | undefined;
  let publisher: CheckpointPublisher | undefined;
  if (o.kafka) {
    relay = createOutboxRelay({ sql: o.sql, kafka: o.kafka, log: adapt });
    relay.start();
    publisher = new CheckpointPublisher(o.kafka, topicCatalog().checkpoint.topic);
  } else {
    o.log.warn('no Kafka broker configured: events stay in the outbox (the event table) until KAFKA_BROKERS is set');
  }
  const stopCheckpoints = await startCheckpoints({ sql: o.sql, signer: o.signer, intervalMs: o.checkpointIntervalMs, log: o.log, ...(publisher ? { publish: (cp) => publisher.publish(cp) } : {}) });
  return async () => {
    await stopCheckpoints();
    await relay?.stop();
    await projections.stop();
    await publisher?.close();
  };
}
