import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { roundStateQuery, roundWorkflowId } from '@selter/contracts';
import { planOfPosts } from '@selter/domain/testing';
import { ensureTemporalCli, freePort, startTemporalDevServer, type RunningTemporal } from '@selter/engines';
import { EVENT_STORE_MIGRATIONS, loadMigrations, migrate, readStream } from '@selter/event-store';
import { createTestDatabase, testEndpoints, uniqueName } from '@selter/testing';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import postgres from 'postgres';
import { createRoundActivities } from '@selter/activities';
import { bundleWorkflows } from '../bundle';
import { foldStored, RecordingBuilder, sendAll } from './rounds.test-helper';

describe('the Temporal server stopped and restarted on its persistent database mid-round', () => {
  it('resumes the round: no accepted decision lost, nothing appended twice', async () => {
    const dir = join(testEndpoints().workDir, uniqueName('temporal-restart'));
    mkdirSync(dir, { recursive: true });
    const port = await freePort();
    const binary = ensureTemporalCli(testEndpoints().cacheDir, () => undefined) as string; // the test setup found it already
    const start = (): Promise<RunningTemporal> =>
      startTemporalDevServer({
        binary,
        port,
        uiPort: null,
        dbFile: join(dir, 'temporal.sqlite'),
        logFile: join(dir, 'temporal.log'),
      });
    let temporal = await start();
    const db = await createTestDatabase('restart');
    const sql = postgres(db.url, { max: 3, onnotice: () => undefined });
    await migrate(sql, loadMigrations('event-store', EVENT_STORE_MIGRATIONS));
    const taskQueue = uniqueName('restart');
    const workerConnection = await NativeConnection.connect({ address: temporal.address });
    const worker = await Worker.create({
      connection: workerConnection,
      taskQueue,
      workflowBundle: await bundleWorkflows(),
      activities: createRoundActivities({ sql }),
    });
    const running = worker.run();
    const connection = await Connection.connect({ address: temporal.address });
    try {
      const agency = uniqueName('agency');
      const workflowId = roundWorkflowId(agency, 'round-1');
      const client = new Client({ connection });
      const handle = await client.workflow.start('selectionRound', {
        taskQueue,
        workflowId,
        args: [{ agency, roundId: 'round-1' }],
      });
      const b = new RecordingBuilder(planOfPosts(2)).announce();
      b.register('post-01', 5).register('post-02', 5).closeAll();
      const before = await sendAll(handle, b.take());

      await temporal.stop(); // SIGTERM; its state stays in the SQLite file
      temporal = await start();

      b.verify();
      const after = await sendAll(client.workflow.getHandle(workflowId), b.take());
      const stored = await readStream(sql, workflowId);
      expect(stored.map((e) => e.type)).toEqual([...before, ...after].map((e) => e.type));
      expect(stored.map((e) => e.streamVersion)).toEqual(stored.map((_, i) => i + 1));
      expect(new Set(stored.map((e) => e.eventId)).size).toBe(stored.length);
      expect(await handle.query(roundStateQuery)).toEqual(await foldStored(sql, workflowId));
    } finally {
      worker.shutdown();
      await running;
      await workerConnection.close();
      await connection.close();
      await temporal.stop();
      await sql.end();
      await db.drop();
    }
  });
});
