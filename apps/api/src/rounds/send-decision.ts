import { sendThroughRunSwitch } from '@selter/contracts';
import { createHash } from 'node:crypto';
import type { DecisionRefusal } from '@selter/contracts';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ProblemException } from '../problem/problem-details.filter';
import { notFound, refused } from '../problem/problems';

/** An Update id stable across retries of one idempotent request, so Temporal too records it once. */
export const updateIdOf = (principalId: string, idempotencyKey: string | undefined): string | undefined =>
  idempotencyKey ? createHash('sha256').update(`${principalId}\n${idempotencyKey}`).digest('hex') : undefined;

/** Temporal's answer to an Update as the problem the caller sees; other errors propagate. */
export function problemOfUpdate(error: unknown, workflowId: string, notFoundCode = 'ROUND.NOT_FOUND'): unknown {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const refusal = error.cause.details?.[0] as DecisionRefusal | undefined;
    if (refusal?.code && refusal.reason) return refused(refusal);
    const code = error.cause.type ?? 'DECISION.REFUSED';
    return refused({ code, reason: { id: error.cause.message, en: error.cause.message } });
  }
  if (error instanceof WorkflowNotFoundError) return notFound(notFoundCode, `No running workflow ${workflowId}.`);
  if (error instanceof Error && /already completed|workflow execution.*(completed|closed)/i.test(error.message)) return finished(workflowId, notFoundCode);
  return error;
}

/** 409 `ROUND.FINISHED` (or `ROTATION.FINISHED`): the workflow has ended and takes no more decisions. */
export const finished = (workflowId: string, notFoundCode = 'ROUND.NOT_FOUND'): ProblemException =>
  new ProblemException({ status: 409, code: `${notFoundCode.split('.')[0] ?? 'ROUND'}.FINISHED`, detail: `${workflowId} has finished; it takes no more decisions.` });

/** Sends one decision (round or rotation) as its Update and waits for the workflow's verdict: accepted events, or a refusal. */
export async function sendDecision<C extends { type: string }>(
  client: Client,
  workflowId: string,
  command: C,
  updateId?: string,
  notFoundCode?: string,
): Promise<{ events: readonly { type: string }[]; version: number }> {
  try {
    // A round switching runs refuses for a moment with nothing decided: send the same decision again.
    return await sendThroughRunSwitch(() =>
      client.workflow.getHandle(workflowId).executeUpdate<{ events: readonly { type: string }[]; version: number }, [C]>(command.type, { args: [command], ...(updateId ? { updateId } : {}) }),
    );
  } catch (error) {
    throw problemOfUpdate(error, workflowId, notFoundCode);
  }
}
