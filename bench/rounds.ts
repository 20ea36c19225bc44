// Shared by the round benchmarks: a worker over the real workflows and activities, the api as its
// own process, and a builder that keeps the commands the domain accepted so they can be sent again.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRoundActivities } from '@selter/activities';
import { freePort, ManagedProcess, waitUntil, type EngineEndpoints } from '@selter/engines';
import { loadPayloadKeys, selterDataConverter } from '@selter/payload-codec';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Worker } from '@temporalio/worker';
import type { Sql } from 'postgres';
import { scenarioDatabase } from './databases';

/** The domain's RoundBuilder records every command it runs (`commands`), to send them again as Updates. */
export { RoundBuilder as RecordingBuilder } from '@selter/domain/testing';

export interface BenchWorker {
  /** The scenario's own database (for an API process to use too). */
  url: string;
  sql: Sql;
  client: Client;
  taskQueue: string;
  /** The key file the worker and client encrypt payloads with (ADR 33), for an api process to use too. */
  payloadKeysFile: string;
  close(): Promise<void>;
}

/** A fresh event store, the bench's workflow bundle (the service's workflows and the bare baseline) and a worker polling `taskQueue` with the real activities. */
export async function startBenchWorker(
  engines: EngineEndpoints,
  name: string,
  poolSize = 20,
): Promise<BenchWorker> {
  const { url, sql } = await scenarioDatabase(
    engines.databaseUrl,
    `bench_${name.replace(/-/g, '_')}`,
    poolSize,
  );
  const taskQueue = `bench-${name}`;
  // Payloads encrypted as in production (ADR 33), with a key file of the scenario's own.
  const payloadKeysFile = join(
    mkdtempSync(join(tmpdir(), 'selter-bench-keys-')),
    'temporal-payload-keys.json',
  );
  const dataConverter = selterDataConverter(
    await loadPayloadKeys(payloadKeysFile, { createIfMissing: true }),
  );
  const [bundle, workerConnection, connection] = await Promise.all([
    bundleWorkflowCode({
      workflowsPath: require.resolve('@selter/workflows/bench'),
      logger: new DefaultLogger('WARN'),
    }),
    NativeConnection.connect({ address: engines.temporalAddress }),
    Connection.connect({ address: engines.temporalAddress }),
  ]);
  const worker = await Worker.create({
    connection: workerConnection,
    dataConverter,
    taskQueue,
    workflowBundle: bundle,
    activities: createRoundActivities({ sql }),
  });
  const running = worker.run();
  return {
    url,
    sql,
    client: new Client({ connection, dataConverter }),
    taskQueue,
    payloadKeysFile,
    close: async () => {
      worker.shutdown();
      await running;
      await workerConnection.close();
      await connection.close();
      await sql.end();
    },
  };
}

const ROOT = resolve(__dirname, '..');

/** A running api process. */
export interface BenchApi {
  url: string;
  stop(): Promise<void>;
}

/**
 * The api as its own process over a bench worker's database and task queue: the development
 * issuer, an adjustable clock, no rate limit, logs to `logFile`. Resolves once it is live.
 */
export async function startBenchApi(
  w: BenchWorker,
  engines: EngineEndpoints,
  logFile: string,
  env: NodeJS.ProcessEnv = {},
): Promise<BenchApi> {
  const port = await freePort();
  const api = new ManagedProcess({
    name: 'api',
    command: process.execPath,
    args: [join(ROOT, 'scripts/run.cjs'), join(ROOT, 'apps/api/src/main.ts')],
    env: {
      ...process.env,
      DATABASE_URL: w.url,
      TEMPORAL_ADDRESS: engines.temporalAddress,
      TEMPORAL_TASK_QUEUE: w.taskQueue,
      TEMPORAL_PAYLOAD_KEYS_FILE: w.payloadKeysFile,
      HTTP_PORT: String(port),
      DEV_ISSUER: 'on',
      API_CLOCK: 'adjustable',
      API_RATE_LIMIT_PER_MINUTE: '1000000',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      KAFKA_BROKERS: '',
      ...env,
    },
    cwd: ROOT,
    logFile,
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = (): Promise<void> => api.stop('SIGTERM', 10_000);
  try {
    await waitUntil(
      'api',
      async () => {
        if ((await fetch(`${url}/health/live`)).status !== 200) throw new Error('not yet');
      },
      { timeoutMs: 90_000, intervalMs: 250 },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

/** A bearer token of a seeded user from the api's development issuer. */
export async function devToken(url: string, user: string): Promise<string> {
  const res = await fetch(`${url}/dev-auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}
