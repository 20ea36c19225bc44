import { join } from 'node:path';
import { createRotationActivities, createRoundActivities } from '@selter/activities';
import { freePort, waitUntil } from '@selter/engines';
import { createProjectionRunner, ROUND_READ_MODELS, type ProjectionRunner } from '@selter/projections';
import {
  createTestDatabase,
  runMigrateStep,
  spawnService,
  testDataConverter,
  testEndpoints,
  uniqueName,
} from '@selter/testing';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Worker } from '@temporalio/worker';
import postgres, { type Sql } from 'postgres';
import { TestIssuer } from './test-issuer';

/** The real stack one test file talks to over HTTP: database, projections, a worker, and the api process. */
export interface ApiStack {
  url: string;
  /** The superuser's connection (ADR 0019): for inspecting the store and tampering with it on purpose. */
  sql: Sql;
  /** The same connection, named for what it is where a spec tampers with the store. */
  superuserSql: Sql;
  /** The services' connection (`selter_app`): what the api, the worker and the projections use here. */
  appSql: Sql;
  issuer: TestIssuer;
  /** Every line the api printed (JSON logs). */
  logs(): string[];
  stop(): Promise<void>;
}

async function startWorker(sql: Sql, taskQueue: string): Promise<() => Promise<void>> {
  const [bundle, connection, dataConverter] = await Promise.all([
    bundleWorkflowCode({
      workflowsPath: require.resolve('@selter/workflows'),
      logger: new DefaultLogger('WARN'),
    }),
    NativeConnection.connect({ address: testEndpoints().temporalAddress }),
    testDataConverter(),
  ]);
  // The api (spawned) encrypts payloads with the run's key file (ADR 33); so does this worker.
  const worker = await Worker.create({
    connection,
    dataConverter,
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

/** The production worker (apps/worker/src/main.ts) as its own process, polling `taskQueue`; resolves once it polls. */
async function startWorkerProcess(databaseUrl: string, taskQueue: string): Promise<() => Promise<void>> {
  const worker = spawnService(
    'apps/worker/src/main.ts',
    {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: testEndpoints().temporalAddress,
      TEMPORAL_TASK_QUEUE: taskQueue,
      KAFKA_BROKERS: '',
      LOG_FORMAT: 'json',
    },
    join(testEndpoints().workDir, `${taskQueue}-worker.log`),
  );
  let exited = false;
  void worker.process.waitForExit().then(() => (exited = true));
  await waitUntil(
    'worker polling',
    async () => {
      if (!worker.lines.some((line) => line.includes('worker polling'))) throw new Error('not yet');
    },
    {
      timeoutMs: 90_000,
      intervalMs: 250,
      abortIf: () => (exited ? `worker exited:\n${worker.lines.slice(-20).join('\n')}` : undefined),
    },
  );
  return () => worker.process.stop('SIGTERM', 10_000);
}

/**
 * Starts what `npm start` runs, on this run's engines: the migrate step as the schema owner, then,
 * as the services' role `selter_app` (ADR 0019), projections (in-process, as the backbone does), a
 * worker on a task queue of its own, and the api as its own process with the development issuer,
 * an adjustable clock (ADR 11) and a second, test-controlled issuer.
 */
export interface ApiStackOptions {
  /**
   * `process`: the worker runs as its own process from its production entry point
   * (apps/worker/src/main.ts, with its slots and settings), as `npm start` runs it, instead of inside
   * the test's process. For measurements, where a worker sharing the test's event loop would add its
   * work to the latency the test's clients measure.
   */
  readonly worker?: 'in-process' | 'process';
}

export async function startApiStack(
  extraEnv: NodeJS.ProcessEnv = {},
  options: ApiStackOptions = {},
): Promise<ApiStack> {
  const cleanup: Array<() => Promise<unknown>> = [];
  const stopAll = async (): Promise<void> => {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
  };
  try {
    return await start(cleanup, stopAll, extraEnv, options);
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function start(
  cleanup: Array<() => Promise<unknown>>,
  stopAll: () => Promise<void>,
  extraEnv: NodeJS.ProcessEnv,
  options: ApiStackOptions,
): Promise<ApiStack> {
  const db = await createTestDatabase('api');
  cleanup.push(() => db.drop());
  const taskQueue = uniqueName('api');
  await runMigrateStep(db.ownerUrl, join(testEndpoints().workDir, `${taskQueue}-migrate.log`));
  const sql = postgres(db.url, { max: 4, onnotice: () => undefined });
  const appSql = postgres(db.appUrl, { max: 10, onnotice: () => undefined });
  cleanup.push(
    () => sql.end(),
    () => appSql.end(),
  );
  const projections: ProjectionRunner = createProjectionRunner(appSql, ROUND_READ_MODELS, { pollMs: 200 });
  await projections.start();
  cleanup.push(() => projections.stop());
  const issuer = await TestIssuer.start();
  cleanup.push(() => issuer.stop());
  const port = await freePort();
  const [stopWorker, { process: api, lines }] = await Promise.all([
    options.worker === 'process' ? startWorkerProcess(db.appUrl, taskQueue) : startWorker(appSql, taskQueue),
    Promise.resolve(
      spawnService(
        'apps/api/src/main.ts',
        {
          ...process.env,
          NODE_ENV: 'test',
          DATABASE_URL: db.appUrl,
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
          AUTH_INTROSPECTION_URL: issuer.introspectionUrl,
          API_BODY_LIMIT_KB: '64',
          ...extraEnv,
        },
        join(testEndpoints().workDir, `${taskQueue}-api.log`),
      ),
    ),
  ]);
  cleanup.push(
    () => stopWorker(),
    () => api.stop('SIGTERM', 10_000),
  );
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  void api.waitForExit().then(() => (exited = true));
  await waitUntil(
    'api live',
    async () => {
      if ((await fetch(`${url}/health/live`)).status !== 200) throw new Error('not yet');
    },
    {
      timeoutMs: 90_000,
      intervalMs: 250,
      abortIf: () => (exited ? `api exited:\n${lines.slice(-20).join('\n')}` : undefined),
    },
  );
  return {
    url,
    sql,
    superuserSql: sql,
    appSql,
    issuer,
    logs: () => lines,
    stop: stopAll,
  };
}
