import { join, resolve } from 'node:path';
import { createRotationActivities, createRoundActivities } from '@selter/activities';
import { freePort, ManagedProcess, waitUntil } from '@selter/engines';
import { EVENT_STORE_MIGRATIONS, loadMigrations, migrate } from '@selter/event-store';
import { createProjectionRunner, projectionsMigrations, ROUND_READ_MODELS, type ProjectionRunner } from '@selter/projections';
import { createTestDatabase, testEndpoints, uniqueName } from '@selter/testing';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Worker } from '@temporalio/worker';
import postgres, { type Sql } from 'postgres';
import { TestIssuer } from './test-issuer';

const ROOT = resolve(__dirname, '../..');

/** The real stack one test file talks to over HTTP: database, projections, a worker, and the api process. */
export interface ApiStack {
  url: string;
  sql: Sql;
  issuer: TestIssuer;
  /** Every line the api printed (JSON logs). */
  logs(): string[];
  stop(): Promise<void>;
}

async function startWorker(sql: Sql, taskQueue: string): Promise<() => Promise<void>> {
  const [bundle, connection] = await Promise.all([
    bundleWorkflowCode({ workflowsPath: require.resolve('@selter/workflows'), logger: new DefaultLogger('WARN') }),
    NativeConnection.connect({ address: testEndpoints().temporalAddress }),
  ]);
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowBundle: bundle,
    activities: { ...createRoundActivities({ sql }), ...createRotationActivities({ sql }) },
  });
  const run = worker.run();
  return async () => {
    worker.shutdown();
    await run;
    await connection.close();
  };
}

function startApi(env: NodeJS.ProcessEnv, lines: string[], logFile: string): ManagedProcess {
  return new ManagedProcess({
    name: 'api',
    command: process.execPath,
    args: [join(ROOT, 'scripts', 'run.cjs'), join(ROOT, 'apps/api/src/main.ts')],
    env,
    cwd: ROOT,
    logFile,
    onLine: (line) => void lines.push(line),
  });
}

/**
 * Starts what `npm start` runs, on this run's engines: migrations and projections (in-process, as
 * the backbone does), a worker on a task queue of its own, and the api as its own process with
 * the development issuer, an adjustable clock (ADR 11) and a second, test-controlled issuer.
 */
export async function startApiStack(extraEnv: NodeJS.ProcessEnv = {}): Promise<ApiStack> {
  const cleanup: Array<() => Promise<unknown>> = [];
  const stopAll = async (): Promise<void> => {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
  };
  try {
    return await start(cleanup, stopAll, extraEnv);
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function start(cleanup: Array<() => Promise<unknown>>, stopAll: () => Promise<void>, extraEnv: NodeJS.ProcessEnv): Promise<ApiStack> {
  const db = await createTestDatabase('api');
  cleanup.push(() => db.drop());
  const sql = postgres(db.url, { max: 10, onnotice: () => undefined });
  cleanup.push(() => sql.end());
  await migrate(sql, [...loadMigrations('event-store', EVENT_STORE_MIGRATIONS), ...projectionsMigrations()]);
  const projections: ProjectionRunner = createProjectionRunner(sql, ROUND_READ_MODELS, { pollMs: 200 });
  await projections.start();
  cleanup.push(() => projections.stop());
  const taskQueue = uniqueName('api');
  const issuer = await TestIssuer.start();
  cleanup.push(() => issuer.stop());
  const port = await freePort();
  const lines: string[] = [];
  const [stopWorker, api] = await Promise.all([
    startWorker(sql, taskQueue),
    Promise.resolve(
      startApi(
        {
          ...process.env,
          NODE_ENV: 'test',
          DATABASE_URL: db.url,
          TEMPORAL_ADDRESS: testEndpoints().temporalAddress,
          TEMPORAL_TASK_QUEUE: taskQueue,
          KAFKA_BROKERS: '',
          HTTP_HOST: '127.0.0.1',
          HTTP_PORT: String(port),
          LOG_FORMAT: 'json',
          DEV_ISSUER: 'on',
          API_CLOCK: 'adjustable',
          AUTH_ISSUER: issuer.issuer,
          AUTH_JWKS_URL: issuer.jwksUrl,
          API_BODY_LIMIT_KB: '64',
          ...extraEnv,
        },
        lines,
        join(testEndpoints().workDir, `${taskQueue}-api.log`),
      ),
    ),
  ]);
  cleanup.push(() => stopWorker(), () => api.stop('SIGTERM', 10_000));
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  void api.waitForExit().then(() => (exited = true));
  await waitUntil('api live', async () => {
    if ((await fetch(`${url}/health/live`)).status !== 200) throw new Error('not yet');
  }, { timeoutMs: 90_000, intervalMs: 250, abortIf: () => (exited ? `api exited:\n${lines.slice(-20).join('\n')}` : undefined) });
  return {
    url,
    sql,
    issuer,
    logs: () => lines,
    stop: stopAll,
  };
}
