// Shared by the round benchmarks: a worker over the real workflows and activities, and a builder
// that keeps the commands the domain accepted so they can be sent again as Updates.
import { createRoundActivities } from '@selter/activities';
import type { EngineEndpoints } from '@selter/engines';
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
  close(): Promise<void>;
}

/** A fresh event store, the workflow bundle and a worker polling `taskQueue` with the real activities. */
export async function startBenchWorker(engines: EngineEndpoints, name: string, poolSize = 20): Promise<BenchWorker> {
  const { url, sql } = await scenarioDatabase(engines.databaseUrl, `bench_${name.replace(/-/g, '_')}`, poolSize);
  const taskQueue = `bench-${name}`;
  const [bundle, workerConnection, connection] = await Promise.all([
    bundleWorkflowCode({ workflowsPath: require.resolve('@selter/workflows'), logger: new DefaultLogger('WARN') }),
    NativeConnection.connect({ address: engines.temporalAddress }),
    Connection.connect({ address: engines.temporalAddress }),
  ]);
  const worker = await Worker.create({ connection: workerConnection, taskQueue, workflowBundle: bundle, activities: createRoundActivities({ sql, clock: () => new Date() }) });
  const running = worker.run();
  return {
    url,
    sql,
    client: new Client({ connection }),
    taskQueue,
    close: async () => {
      worker.shutdown();
      await running;
      await workerConnection.close();
      await connection.close();
      await sql.end();
    },
  };
}
