import type { DataConverter } from '@temporalio/common';
import {
  NativeConnection,
  Worker,
  type ActivityInterceptorsFactory,
  type NativeConnectionOptions,
} from '@temporalio/worker';

export interface SelterWorkerOptions {
  address: string;
  namespace: string;
  taskQueue: string;
  workflowBundle: { code: string };
  /** Activity implementations, built by their factories from real dependencies. */
  activities: Record<string, (...args: never[]) => Promise<unknown>>;
  /** Activity interceptors (the record-failure log that names a stuck round). */
  activityInterceptors?: ActivityInterceptorsFactory[];
  /** Encrypts payloads (ADR 33); the clients talking to these workflows must use the same keys. */
  dataConverter?: DataConverter;
  /** TLS/mTLS or an API key for the frontend (ADR 0032; `temporalSecurity` of @selter/config). */
  security?: Pick<NativeConnectionOptions, 'tls' | 'apiKey'>;
}

/**
 * Slots and concurrency (ADR 16). A round waiting on its store gives its workflow-task slot back
 * (local-activity backoffs past 2 s become timers), so these bound CPU and memory, not fairness.
 */
export const WORKER_LIMITS = {
  maxConcurrentWorkflowTaskExecutions: 40,
  maxConcurrentLocalActivityExecutions: 40,
  maxConcurrentActivityTaskExecutions: 40,
} as const;

/** A started worker and the connection it owns; `shutdown` drains in-flight tasks first. */
export interface RunningWorker {
  worker: Worker;
  run: Promise<void>;
  shutdown(): Promise<void>;
}

/** Connects to Temporal and starts polling `taskQueue` with the given workflows and activities. */
export async function startSelterWorker(o: SelterWorkerOptions): Promise<RunningWorker> {
  const connection = await NativeConnection.connect({ address: o.address, ...o.security });
  const worker = await Worker.create({
    connection,
    namespace: o.namespace,
    taskQueue: o.taskQueue,
    workflowBundle: o.workflowBundle,
    activities: o.activities,
    ...WORKER_LIMITS,
    ...(o.dataConverter ? { dataConverter: o.dataConverter } : {}),
    ...(o.activityInterceptors ? { interceptors: { activity: o.activityInterceptors } } : {}),
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
