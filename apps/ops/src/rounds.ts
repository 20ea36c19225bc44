import { roundStateQuery, type RoundWorkflowInput } from '@selter/contracts';
import { readStream } from '@selter/event-store';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Sql } from 'postgres';

/** `round-<agency>-<roundId>`: agencies have no hyphen (as the API parses it). */
export function parseRoundWorkflowId(workflowId: string): { agency: string; roundId: string } {
  const match = /^round-([a-z0-9_]+)-([a-z0-9][a-z0-9-]*)$/.exec(workflowId);
  if (!match?.[1] || !match[2])
    throw new Error(`${workflowId} is not a round's workflow id (round-<agency>-<roundId>)`);
  return { agency: match[1], roundId: match[2] };
}

async function storeHead(sql: Sql, streamId: string): Promise<number> {
  const [row] = await sql<
    { v: string | null }[]
  >`select max(stream_version)::text as v from events where stream_id = ${streamId}`;
  return Number(row?.v ?? 0);
}

/** A running round that does not take decisions as it should, and why. */
export interface StuckRound {
  readonly workflowId: string;
  readonly runId: string;
  readonly reasons: string[];
  readonly storeVersion: number;
  readonly workflowVersion?: number;
}

/**
 * The running rounds that are stuck: a workflow task failing again and again (a bug, a store that
 * disagrees with the workflow in a way folding cannot mend), a state Query that does not answer, or
 * a workflow whose state is not the stream's (ADR 16: the store is the truth). A round merely
 * waiting for a person is not stuck.
 */
export async function findStuckRounds(
  client: Client,
  sql: Sql,
  o: { minTaskAttempts?: number; queryTimeoutMs?: number; agency?: string } = {},
): Promise<StuckRound[]> {
  const minAttempts = o.minTaskAttempts ?? 3;
  const stuck: StuckRound[] = [];
  const prefix = o.agency ? `round-${o.agency}-` : 'round-';
  for await (const execution of client.workflow.list({
    query: `WorkflowType = 'selectionRound' AND ExecutionStatus = 'Running'`,
  })) {
    if (!execution.workflowId.startsWith(prefix)) continue;
    const handle = client.workflow.getHandle(execution.workflowId, execution.runId);
    const reasons: string[] = [];
    const description = await handle.describe();
    const attempt = description.raw.pendingWorkflowTask?.attempt ?? 0;
    if (attempt >= minAttempts) reasons.push(`its workflow task failed ${attempt - 1} times in a row`);
    const storeVersion = await storeHead(sql, execution.workflowId);
    let workflowVersion: number | undefined;
    try {
      // A deadline on the call itself (not a race beside it): the SDK's retries end with it.
      workflowVersion = (
        await client.withDeadline(Date.now() + (o.queryTimeoutMs ?? 5_000), () =>
          handle.query(roundStateQuery),
        )
      ).version;
      if (workflowVersion > storeVersion)
        reasons.push(`its state is at version ${workflowVersion}, the store ends at ${storeVersion}`);
    } catch (error) {
      reasons.push(`its state Query fails: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (reasons.length > 0)
      stuck.push({
        workflowId: execution.workflowId,
        runId: execution.runId,
        reasons,
        storeVersion,
        ...(workflowVersion !== undefined ? { workflowVersion } : {}),
      });
  }
  return stuck;
}

/**
 * Rebuilds a round's workflow from its stream (ADR 16): the running run is terminated with the
 * operator's reason, and a new run folds every stored event back, as after a continue-as-new. The
 * round's clock resumes from the last event's record time (the wall clock in production). Decisions
 * that were waiting get an error and are sent again by their callers (an Idempotency-Key finds a
 * decision already stored). Nothing stored is touched; a finished round is refused.
 */
export async function rebuildRound(
  client: Client,
  sql: Sql,
  o: { workflowId: string; taskQueue: string; reason: string },
): Promise<{ version: number; runId: string; terminatedRunId?: string }> {
  const { agency, roundId } = parseRoundWorkflowId(o.workflowId);
  const version = await storeHead(sql, o.workflowId);
  if (version === 0) throw new Error(`${o.workflowId} has no events in the store: nothing to rebuild from`);
  const [last] = await readStream(sql, o.workflowId, { afterVersion: version - 1, limit: 1 });
  if (last && ['RoundClosed', 'RoundCancelled'].includes(last.type))
    throw new Error(`${o.workflowId} has finished (${last.type}); it takes no more decisions`);
  let terminatedRunId: string | undefined;
  try {
    const handle = client.workflow.getHandle(o.workflowId);
    const description = await handle.describe();
    if (description.status.name === 'RUNNING') {
      await handle.terminate(`rebuilt from the event store by an operator: ${o.reason}`);
      terminatedRunId = description.runId;
    }
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
  const at = last?.recordedAt ? new Date(last.recordedAt).toISOString() : undefined;
  const input: RoundWorkflowInput = {
    agency,
    roundId,
    resume: { version, continuation: 1, ...(at ? { clock: { at, workflowMs: Date.parse(at) } } : {}) },
  };
  const handle = await client.workflow.start('selectionRound', {
    taskQueue: o.taskQueue,
    workflowId: o.workflowId,
    args: [input],
    workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    memo: {
      rebuiltFromStore: { version, reason: o.reason, ...(terminatedRunId ? { terminatedRunId } : {}) },
    },
  });
  return { version, runId: handle.firstExecutionRunId, ...(terminatedRunId ? { terminatedRunId } : {}) };
}
