import {
  openRoundsQuery,
  ROTATION_COMMAND_TYPES,
  rotationAwaitingQuery,
  rotationStateQuery,
  rotationUpdate,
  rotationWorkflowId,
  type RotationActivities,
  type RotationOutcome,
  type RotationWorkflowInput,
} from '@selter/contracts';
import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import { DecisionLedger } from '../decision-ledger';
import { awaitedRotationDecisions } from './awaiting';
import { OpenRounds } from './open-rounds';
import { RotationRecord } from './rotation-record';

// Regular activities (a rotation takes a few dozen decisions): recorded in history before they
// run. Transient store failures retry without limit; a permanent refusal is an outcome (ADR 16).
const activities = proxyActivities<RotationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * One rotation of sitting JPT officials (uji kompetensi / job fit), from plan to decree. Every
 * decision is an Update, as for rounds: the caller must learn at once whether the rules accepted
 * it, and a refusal leaves no trace. A post with no suitable official gets an open selection round.
 */
export async function rotation(input: RotationWorkflowInput): Promise<RotationOutcome> {
  const record = new RotationRecord(
    rotationWorkflowId(input.agency, input.rotationId),
    input.rotationId,
    activities,
  );
  const rounds = new OpenRounds(input.agency, input.rotationId);

  for (const type of ROTATION_COMMAND_TYPES) {
    setHandler(
      rotationUpdate(type),
      async (command) => {
        const result = await record.submit(
          DecisionLedger.decisionIdOf(command.metadata.correlationId),
          command,
        );
        // After the append: the store records why a round exists before the round does.
        await rounds.openFor(result.events);
        return result;
      },
      { validator: (command) => record.check(type, command) },
    );
  }
  setHandler(rotationStateQuery, () => record.state);
  setHandler(rotationAwaitingQuery, () => awaitedRotationDecisions(record.state));
  setHandler(openRoundsQuery, () => rounds.list());

  await condition(() => record.state.status === 'decreed');
  // The decree's record and the rounds it opens may still be in flight: finish them first.
  await condition(() => record.idle && allHandlersFinished());
  return { status: record.state.status, version: record.state.version, openRounds: rounds.list() };
}
