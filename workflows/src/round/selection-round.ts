import {
  awaitingQuery,
  ROUND_COMMAND_TYPES,
  roundStateQuery,
  roundUpdate,
  roundWorkflowId,
  type RoundActivities,
  type RoundOutcome,
  type RoundWorkflowInput,
} from '@selter/contracts';
import type { RoundState } from '@selter/domain';
import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import { awaitedDecisions } from './awaiting';
import { RoundRecord } from './round-record';

const { appendRoundEvents } = proxyActivities<RoundActivities>({
  startToCloseTimeout: '30 seconds',
  // No attempt limit: the decision is already taken and the append is idempotent, so retrying
  // until the store answers is the only way to keep the audit record whole.
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const isFinished = (state: RoundState): boolean => state.status === 'closed' || state.status === 'cancelled';

/**
 * One selection round, from plan to the last inauguration. Every human decision arrives as an
 * Update, not a Signal: the caller must learn at once whether the rules accepted it (and why not),
 * and a refused decision must leave no trace in history. Queries let inboxes peek without deciding.
 */
export async function selectionRound(input: RoundWorkflowInput): Promise<RoundOutcome> {
  const record = new RoundRecord(roundWorkflowId(input.agency, input.roundId), input.roundId, appendRoundEvents);

  for (const type of ROUND_COMMAND_TYPES) {
    setHandler(roundUpdate(type), (command) => record.accept(type, command), {
      validator: (command) => record.validate(type, command),
    });
  }
  setHandler(roundStateQuery, () => record.state);
  setHandler(awaitingQuery, () => awaitedDecisions(record.state));

  await condition(() => isFinished(record.state));
  // The last decision's append may still be in flight: finish it before the run completes.
  await condition(allHandlersFinished);
  return { status: record.state.status, version: record.state.version };
}
