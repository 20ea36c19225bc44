import { testEndpoints, uniqueName } from '@selter/testing';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflows } from './bundle';
import { startSelterWorker } from './worker';

describe('the worker', () => {
  it('executes a bundled workflow from @selter/workflows on the real Temporal server', async () => {
    const { temporalAddress } = testEndpoints();
    const taskQueue = uniqueName('worker-test');
    const running = await startSelterWorker({
      address: temporalAddress,
      namespace: 'default',
      taskQueue,
      workflowBundle: await bundleWorkflows(),
      activities: {},
    });
    const connection = await Connection.connect({ address: temporalAddress });
    try {
      const client = new Client({ connection });
      const before = Date.now();
      const result = await client.workflow.execute('probe', { taskQueue, workflowId: uniqueName('probe') });
      expect(result.taskQueue).toBe(taskQueue);
      expect(Date.parse(result.executedAt)).toBeGreaterThanOrEqual(before - 1_000);
    } finally {
      await connection.close();
      await running.shutdown();
    }
  });
});
