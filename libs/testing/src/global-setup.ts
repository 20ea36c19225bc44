import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@selter/config';
import { startEngines, type RunningEngines } from '@selter/engines';
import { loadPayloadKeys } from '@selter/payload-codec';
import { TEST_ENV } from './env';

/** Shared between globalSetup and globalTeardown, which jest runs in the same process. */
export interface TestEnginesHandle {
  engines: RunningEngines;
  dir: string;
}
export const HANDLE_KEY = '__SELTER_TEST_ENGINES__';

/**
 * Starts real PostgreSQL, Temporal and Kafka for this test run only: free ports, a fresh
 * temporary folder, Temporal state in memory. Two runs never collide and no test depends on a
 * developer's running stack, whatever DATABASE_URL and friends say.
 */
export default async function globalSetup(): Promise<void> {
  const config = loadConfig();
  const dir = mkdtempSync(join(tmpdir(), 'selter-test-'));
  chmodSync(dir, 0o755); // the postgres OS user must traverse it when we run as root
  const started = Date.now();
  const engines = await startEngines({
    dataDir: dir,
    cacheDir: config.cacheDir,
    persistent: false,
    log: (line) => process.stderr.write(`[engines] ${line}\n`),
  });
  const { databaseUrl, databaseOwnerUrl, databaseSuperuserUrl, temporalAddress, kafkaBrokers } =
    engines.endpoints;
  if (!kafkaBrokers) {
    await engines.stop();
    throw new Error('Kafka could not start for the tests: install Java 17+ and Maven (see README).');
  }
  process.env[TEST_ENV.superuserUrl] = databaseSuperuserUrl;
  process.env[TEST_ENV.ownerUrl] = databaseOwnerUrl;
  process.env[TEST_ENV.appUrl] = databaseUrl;
  process.env[TEST_ENV.temporalAddress] = temporalAddress;
  process.env[TEST_ENV.kafkaBrokers] = kafkaBrokers.join(',');
  process.env[TEST_ENV.cacheDir] = config.cacheDir;
  process.env[TEST_ENV.workDir] = dir;
  // One payload key file for the run (ADR 33): every service a test spawns inherits it, and test
  // clients that talk to those services' workflows read it (`testDataConverter`).
  const payloadKeys = join(dir, 'keys', 'temporal-payload-keys.json');
  await loadPayloadKeys(payloadKeys, { createIfMissing: true });
  process.env['TEMPORAL_PAYLOAD_KEYS_FILE'] = payloadKeys;
  (globalThis as Record<string, unknown>)[HANDLE_KEY] = { engines, dir } satisfies TestEnginesHandle;
  process.stderr.write(
    `\n[engines] PostgreSQL, Temporal and Kafka up in ${Date.now() - started} ms (${dir})\n`,
  );
}
