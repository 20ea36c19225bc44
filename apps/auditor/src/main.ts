import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { kafkaSecurity, loadConfigOrExit } from '@selter/config';
import { embeddedDatabaseUrl } from '@selter/engines';
import { checkpointCosigners, latestCheckpoint, loadOrCreateSigner } from '@selter/event-store';
import { readPublishedCheckpoints, topicCatalog } from '@selter/messaging';
import { Kafka, logLevel } from 'kafkajs';
import postgres from 'postgres';
import { replayCommand, verifyBundleFile, type BundleCommandOptions } from './bundle-commands';
import { exportCommand, readPublicKey, verifyCommand, type Outcome } from './commands';

const USAGE = `usage: npm run audit -- <command>
  verify [--key public.pem] [--trusted checkpoints.json] [--kafka]
      verify every chain and checkpoint of the store; --kafka also against the checkpoints published to Kafka;
      "cosigned" names the witnesses whose cosignature of the latest checkpoint is stored
  export <streamId> <file> [--key public.pem]
      write one round's evidence bundle
  verify <bundle> [--public-key public.pem | --key-id id] [--format json|text] [--progress]
      verify a bundle offline (no database); exit 0 when it verifies, 1 with the first bad version otherwise
      (verify-bundle <bundle> is the same)
  replay <bundle> [--at version] [--format json|text] [--unverified] [--public-key public.pem]
      the round's or rotation's state right after that version (default: the last), folded by the domain
Without --key, the embedded default's checkpoint key (SELTER_DATA_DIR/keys) is used. The progress bar
shows on stderr when it is a terminal, or with --progress.`;

const OPTIONS = {
  key: { type: 'string' },
  'public-key': { type: 'string' },
  trusted: { type: 'string' },
  'key-id': { type: 'string' },
  kafka: { type: 'boolean' },
  at: { type: 'string' },
  format: { type: 'string' },
  unverified: { type: 'boolean' },
  progress: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** The commands that need only a bundle file, never the database or the configuration. */
function offlineCommand(command: string | undefined, args: string[], values: Values): Outcome | undefined {
  const file = args[0];
  if (!file || !(command === 'verify-bundle' || command === 'verify' || command === 'replay'))
    return undefined;
  if (values.format !== undefined && values.format !== 'json' && values.format !== 'text')
    return { exitCode: 64, output: '--format is json or text' };
  const options: BundleCommandOptions = {
    ...(values['public-key'] ? { publicKey: readPublicKey(values['public-key']) } : {}),
    ...(values['key-id'] ? { expectedKeyId: values['key-id'] } : {}),
    ...(values.format ? { format: values.format } : {}),
    ...(values.progress ? { progress: true } : {}),
  };
  if (command !== 'replay') return verifyBundleFile(file, options);
  const at = values.at === undefined ? undefined : Number(values.at);
  return replayCommand(file, at, { ...options, ...(values.unverified ? { unverified: true } : {}) });
}

async function main(): Promise<Outcome> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: OPTIONS });
  const [command, ...args] = positionals;
  const offline = offlineCommand(command, args, values);
  if (offline) return offline;
  const config = loadConfigOrExit();
  const key = values.key
    ? readPublicKey(values.key)
    : loadOrCreateSigner(config.checkpoints.keyFile).publicKey;
  const databaseUrl =
    config.external.databaseUrl ?? embeddedDatabaseUrl(config.dataDir, config.embeddedPorts.postgres);
  const sql = postgres(databaseUrl, { max: 4, onnotice: () => undefined });
  try {
    if (command === 'verify') {
      const brokers = config.external.kafkaBrokers ?? [`127.0.0.1:${config.embeddedPorts.kafka}`];
      const published = values.kafka
        ? await readPublishedCheckpoints(
            new Kafka({
              clientId: 'selter-auditor',
              brokers,
              logLevel: logLevel.NOTHING,
              ...kafkaSecurity(config.kafka),
            }),
            topicCatalog().checkpoint.topic,
            `selter-auditor-${randomUUID()}`,
          )
        : [];
      const outcome = await verifyCommand(sql, [key], values.trusted, published);
      // Issue 14 item 3 (witness): whether the latest checkpoint is cosigned, and by which witness keys.
      const latest = await latestCheckpoint(sql);
      const cosigned = latest
        ? { sequence: latest.body.sequence, by: await checkpointCosigners(sql, latest.body.sequence) }
        : null;
      return { ...outcome, output: { ...(outcome.output as object), cosigned } };
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
