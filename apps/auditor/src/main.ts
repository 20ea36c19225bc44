import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '@selter/config';
import { loadOrCreateSigner } from '@selter/event-store';
import { readPublishedCheckpoints, topicCatalog } from '@selter/messaging';
import { Kafka, logLevel } from 'kafkajs';
import postgres from 'postgres';
import { exportCommand, readPublicKey, verifyBundleCommand, verifyCommand, type Outcome } from './commands';

const USAGE = `usage: npm run audit -- <command>
  verify [--key public.pem] [--trusted checkpoints.json] [--kafka]
                                                           verify every chain and checkpoint of the store;
                                                           --kafka also against the checkpoints published to Kafka
  export <streamId> <file> [--key public.pem]              write one round's evidence bundle
  verify-bundle <file> [--key-id id]                       verify a bundle offline (no database)
Without --key, the embedded default's checkpoint key (SELTER_DATA_DIR/keys) is used.`;

async function main(): Promise<Outcome> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { key: { type: 'string' }, trusted: { type: 'string' }, 'key-id': { type: 'string' }, kafka: { type: 'boolean' } } });
  const [command, ...args] = positionals;
  if (command === 'verify-bundle' && args[0]) return verifyBundleCommand(args[0], values['key-id']);
  const config = loadConfigOrExit();
  const key = values.key ? readPublicKey(values.key) : loadOrCreateSigner(config.checkpoints.keyFile).publicKey;
  const databaseUrl = config.external.databaseUrl ?? `postgres://postgres:postgres@127.0.0.1:${config.embeddedPorts.postgres}/selter`;
  const sql = postgres(databaseUrl, { max: 4, onnotice: () => undefined });
  try {
    if (command === 'verify') {
      const brokers = config.external.kafkaBrokers ?? [`127.0.0.1:${config.embeddedPorts.kafka}`];
      const published = values.kafka
        ? await readPublishedCheckpoints(new Kafka({ clientId: 'selter-auditor', brokers, logLevel: logLevel.NOTHING }), topicCatalog().checkpoint.topic, `selter-auditor-${randomUUID()}`)
        : [];
      return await verifyCommand(sql, [key], values.trusted, published);
    }
    if (command === 'export' && args[0] && args[1]) return await exportCommand(sql, args[0], args[1], key);
    return { exitCode: 64, output: USAGE };
  } finally {
    await sql.end();
  }
}

main().then(
  ({ exitCode, output }) => {
    process.stdout.write(`${typeof output === 'string' ? output : JSON.stringify(output, null, 2)}\n`);
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    process.stderr.write(`audit failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
