import { openRoundIdOf, roundWorkflowId, type OpenRound, type RoundWorkflowInput } from '@selter/contracts';
import type { RotationEvent } from '@selter/domain';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import type { selectionRound } from '../round/selection-round';

/**
 * Starts one open `selectionRound` per post the rotation could not fill (OpenSelectionRequired).
 *
 * Why a child workflow and not an activity calling `client.workflow.start(USE_EXISTING)`: the start
 * and its outcome are recorded in this workflow's history, so replay never repeats or reorders it,
 * and it needs no Temporal client inside the worker's activities. Children cannot take a conflict
 * policy, so idempotency comes from two places: `started` remembers (deterministically) the posts
 * already handled in this run, and a round with the same business key that already exists (started
 * by the API or an earlier attempt; REJECT_DUPLICATE also covers a closed one) surfaces as
 * WorkflowExecutionAlreadyStartedError, which means "already there": the rotation joins it.
 * ABANDON: the round outlives the rotation, which completes with its decree.
 */
export class OpenRounds {
  private readonly started = new Map<string, OpenRound>();

  constructor(
    private readonly agency: string,
    private readonly rotationId: string,
  ) {}

  list(): OpenRound[] {
    return [...this.started.values()];
  }

  /** Starts (or joins) the round of every post these events say needs open selection, in event order. */
  async openFor(events: readonly RotationEvent[]): Promise<void> {
    for (const event of events) {
      if (event.type === 'OpenSelectionRequired') await this.open(event.data.postId);
    }
  }

  private async open(postId: string): Promise<void> {
    if (this.started.has(postId)) return;
    const input: RoundWorkflowInput = {
      agency: this.agency,
      roundId: openRoundIdOf(this.rotationId, postId),
    };
    const workflowId = roundWorkflowId(input.agency, input.roundId);
    // Claimed before the await so a concurrent call for the same post does not start it twice.
    this.started.set(postId, { postId, workflowId, started: true });
    try {
      await startChild<typeof selectionRound>('selectionRound', {
        workflowId,
        args: [input],
        parentClosePolicy: ParentClosePolicy.ABANDON,
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      this.started.set(postId, { postId, workflowId, started: false });
    }
  }
}
