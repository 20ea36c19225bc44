import { createPublicKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { kafkaSecurity, loadConfigOrExit } from '@selter/config';
import { loadOrCreateSigner } from '@selter/event-store';
import { createLogger } from '@selter/logging';
import { ensureTopics, topicCatalog } from '@selter/messaging';
import { Kafka, logLevel } from 'kafkajs';
import { startWitness } from './witness';

const USAGE = `usage: witness [--key witness.pem] [--state state.json] [--log-public-key checkpoint-public.pem]
  --key             the witness's Ed25519 key (PKCS#8 PEM), created 0600 on first start (default SELTER_DATA_DIR/keys/witness-ed25519.pem)
  --state           the last checkpoint it cosigned (default SELTER_DATA_DIR/witness/state.json)
  --log-public-key  the log's checkpoint public key (SPKI PEM); default: the public half of the embedded CHECKPOINT_KEY_FILE
Reads KAFKA_BROKERS (npm start's default when unset).`;

/** The witness process: run by a second party (the oversight body), with its own key, state and consumer group. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { key: { type: 'string' }, state: { type: 'string' }, 'log-public-key': { type: 'string' } },
  });
  const config = loadConfigOrExit();
  const log = createLogger({ component: 'witness', level: config.log.level, format: config.log.format });
  const logKeyFile = values['log-public-key'] ?? config.checkpoints.keyFile;
  if (!existsSync(logKeyFile)) {
    log.fatal(`the log's public key ${logKeyFile} does not exist (--log-public-key)\n${USAGE}`);
    process.exit(78);
  }
  const signer = loadOrCreateSigner(values.key ?? join(config.dataDir, 'keys', 'witness-ed25519.pem'));
  const brokers = config.external.kafkaBrokers ?? [`127.0.0.1:${config.embeddedPorts.kafka}`];
  const topics = topicCatalog({ replicationFactor: config.kafka.replicationFactor ?? 1 });
  const kafka = new Kafka({
    clientId: `${config.kafka.clientId}-witness`,
    brokers,
    logLevel: logLevel.WARN,
    ...kafkaSecurity(config.kafka),
  });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, [topics.checkpoint, topics.cosignature]).finally(() => admin.disconnect());
  const stop = await startWitness({
    kafka,
    logKey: createPublicKey(readFileSync(logKeyFile, 'utf8')),
    signer,
    stateFile: values.state ?? join(config.dataDir, 'witness', 'state.json'),
    topics: { checkpoint: topics.checkpoint.topic, cosignature: topics.cosignature.topic },
    groupId: `selter-witness-${signer.keyId}`,
    log,
  });
  log.info({ keyId: signer.keyId }, 'witness running');
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `witness failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
