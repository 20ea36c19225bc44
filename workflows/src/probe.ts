import { workflowInfo } from '@temporalio/workflow';
import { workflowNowIso } from './workflow-time';

export interface ProbeResult {
  taskQueue: string;
  /** The workflow's own clock at execution: proves a worker, not the client, ran it. */
  executedAt: string;
}

/**
 * A workflow with no side effects that readiness checks and engine tests run to prove a worker
 * polls the task queue and executes bundled workflow code end to end.
 */
export async function probe(): Promise<ProbeResult> {
  return { taskQueue: workflowInfo().taskQueue, executedAt: workflowNowIso() };
}
