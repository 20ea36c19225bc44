import { NativeConnection, Worker } from '@temporalio/worker';

export interface SelterWorkerOptions {
  address: string;
  namespace: string;
  taskQueue: string;
  workflowBundle: { code: string };
  /** Activity implementations, built by their factories from real dependencies. */
  activities: Record<string, (...args: never[]) => Promise<unknown>>;
}

/** A started worker and the connection it owns; `shutdown` drains in-flight tasks first. */
export interface RunningWorker {
  worker: Worker;
  run: Promise<void>;
  shutdown(): Promise<void>;
}

/** Connects to Temporal and starts polling `taskQueue` with the given workflows and activities. */
export async function startSelterWorker(o: SelterWorkerOptions): Promise<RunningWorker> {
  const connection = await NativeConnection.connect({ address: o.address });
  const worker = await Worker.create({
    connection,
    namespace: o.namespace,
    taskQueue: o.taskQueue,
    workflowBundle: o.workflowBundle,
    activities: o.activities,
  });
  const run = worker.run().finally(() => connection.close());
  return {
    worker,
    run,
    shutdown: async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await run;
    },
  };
}
