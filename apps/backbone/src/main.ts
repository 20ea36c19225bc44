import { existsSync } from 'node:fs';
import { kafkaSecurity, loadConfigOrExit } from '@selter/config';
import { loadOrCreateSigner, refuseUnsafeDatabase } from '@selter/event-store';
import { createLogger } from '@selter/logging';
import { topicCatalog } from '@selter/messaging';
import { Kafka, logLevel } from 'kafkajs';
import postgres from 'postgres';
import { startBackbone } from './backbone';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = createLogger({ component: 'backbone', level: config.log.level, format: config.log.format });
  const { databaseUrl, kafkaBrokers } = config.external;
  if (!databaseUrl) {
    log.fatal('DATABASE_URL is required for the backbone (npm start sets it for the embedded PostgreSQL)');
    process.exit(78);
  }
  if (config.checkpoints.keyFileGiven && !existsSync(config.checkpoints.keyFile)) {
    log.fatal(`CHECKPOINT_KEY_FILE ${config.checkpoints.keyFile} does not exist`);
    process.exit(78);
  }
  // Before any side effect (a new signing key): refuse a database that may lose acknowledged commits,
  // or a role that could rewrite the log (in production). Migrations are the migrate step's (migrate.ts).
  await refuseUnsafeDatabase(databaseUrl, { production: config.env === 'production', log });
  const sql = postgres(databaseUrl, { max: 6, onnotice: () => undefined });
  const signer = loadOrCreateSigner(config.checkpoints.keyFile);
  log.info({ keyId: signer.keyId, keyFile: config.checkpoints.keyFile }, 'checkpoint signing key');
  const kafka = kafkaBrokers
    ? new Kafka({
        clientId: `${config.kafka.clientId}-backbone`,
        brokers: kafkaBrokers,
        logLevel: logLevel.WARN,
        ...kafkaSecurity(config.kafka),
      })
    : undefined;
  const { stop, httpUrl } = await startBackbone({
    sql,
    ...(kafka ? { kafka } : {}),
    signer,
    topics: topicCatalog({ replicationFactor: config.kafka.replicationFactor ?? 1 }),
    checkpointIntervalMs: config.checkpoints.intervalSeconds * 1000,
    log,
    http: { host: config.http.host, port: config.backbone.httpPort },
  });
  log.info(
    { health: `${httpUrl}/health`, metrics: `${httpUrl}/metrics` },
    'backbone running: projections, relay, checkpoints, cosignatures',
  );
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void stop()
        .then(() => sql.end({ timeout: 5 }))
        .then(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `backbone failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
