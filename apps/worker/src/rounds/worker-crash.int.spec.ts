import { join, resolve } from 'node:path';
import { roundStateQuery, roundWorkflowId } from '@selter/contracts';
import { planOfPosts } from '@selter/domain/testing';
import { ManagedProcess } from '@selter/engines';
import { EVENT_STORE_MIGRATIONS, loadMigrations, migrate, readStream } from '@selter/event-store';
import { createTestDatabase, testDataConverter, testEndpoints, uniqueName } from '@selter/testing';
import { Client, Connection } from '@temporalio/client';
import postgres from 'postgres';
import { foldStored, RecordingBuilder, sendAll } from './rounds.test-helper';

const ROOT = resolve(__dirname, '../../../..');

/** The worker exactly as `npm start` runs it: its own process, configured by environment. */
function startWorkerProcess(env: Record<string, string>, name: string): ManagedProcess {
  return new ManagedProcess({
    name,
    command: process.execPath,
    args: [join(ROOT, 'scripts', 'run.cjs'), join(ROOT, 'apps', 'worker', 'src', 'main.ts')],
    env: { ...process.env, ...env, LOG_FORMAT: 'json', LOG_LEVEL: 'warn', NODE_ENV: 'development' },
    cwd: ROOT,
    logFile: join(testEndpoints().workDir, 'logs', `${name}.log`),
  });
}

describe('a worker killed with SIGKILL mid-round', () => {
  it('loses no accepted decision and appends nothing twice once a new worker takes over', async () => {
    const db = await createTestDatabase('crash');
    const sql = postgres(db.url, { max: 3, onnotice: () => undefined });
    await migrate(sql, loadMigrations('event-store', EVENT_STORE_MIGRATIONS));
    const connection = await Connection.connect({ address: testEndpoints().temporalAddress });
    const taskQueue = uniqueName('crash');
    const env = {
      DATABASE_URL: db.url,
      TEMPORAL_ADDRESS: testEndpoints().temporalAddress,
      TEMPORAL_TASK_QUEUE: taskQueue,
    };
    let worker = startWorkerProcess(env, `${taskQueue}-1`);
    try {
      const agency = uniqueName('agency');
      const handle = await new Client({
        connection,
        dataConverter: await testDataConverter(),
      }).workflow.start('selectionRound', {
        taskQueue,
        workflowId: roundWorkflowId(agency, 'round-1'),
        args: [{ agency, roundId: 'round-1' }],
      });
      const b = new RecordingBuilder(planOfPosts(2)).announce();
      b.register('post-01', 5).register('post-02', 5).closeAll();
      const before = await sendAll(handle, b.take());

      await worker.kill(); // SIGKILL: no drain, no goodbye
      b.verify().stages();
      const rest = b.take();
      // The next decision waits for a worker; a new process picks the round up from history.
      const pending = sendAll(handle, rest);
      worker = startWorkerProcess(env, `${taskQueue}-2`);
      const after = await pending;

      const stored = await readStream(sql, handle.workflowId);
      expect(stored.map((e) => e.type)).toEqual([...before, ...after].map((e) => e.type));
      expect(stored.map((e) => e.streamVersion)).toEqual(stored.map((_, i) => i + 1));
      expect(new Set(stored.map((e) => e.eventId)).size).toBe(stored.length);
      const queried = await handle.query(roundStateQuery);
      expect(queried).toEqual(await foldStored(sql, handle.workflowId));
      expect(queried).toEqual(JSON.parse(JSON.stringify(b.stream.state)));
    } finally {
      await worker.stop('SIGTERM', 20_000);
      await connection.close();
      await sql.end();
      await db.drop();
    }
  });
});
