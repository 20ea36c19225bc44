import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Principal } from '../auth/principal';
import { ProblemException } from '../problem/problem-details.filter';
import { forbidden } from '../problem/problems';

/** The agency a new round or rotation belongs to: the caller's own; an admin must name one. */
export function agencyFor(principal: Principal, requested: string | undefined, what: string): string {
  if (requested && principal.role !== 'admin' && requested !== principal.agency) throw forbidden(`You may plan ${what} only for your own agency.`);
  const agency = requested ?? principal.agency;
  if (!agency) throw new ProblemException({ status: 400, code: 'REQUEST.INVALID', detail: `An admin names the agency the ${what} belong to.` });
  return agency;
}

/**
 * Starts the workflow of a business key (STYLE.md rule 7): one that runs is joined, and the id of
 * one that has finished is never reused (its stream holds its record).
 */
export async function startBusinessWorkflow(client: Client, o: { taskQueue: string; workflowType: string; workflowId: string; input: object; finishedCode: string }): Promise<void> {
  try {
    await client.workflow.start(o.workflowType, { taskQueue: o.taskQueue, workflowId: o.workflowId, args: [o.input], workflowIdConflictPolicy: 'USE_EXISTING', workflowIdReusePolicy: 'REJECT_DUPLICATE' });
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) throw new ProblemException({ status: 409, code: o.finishedCode, detail: `${o.workflowId} already ran to its end; choose another id.` });
    throw error;
  }
}
