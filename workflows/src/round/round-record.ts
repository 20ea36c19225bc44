import type { RoundActivities } from '@selter/contracts';
import {
  decide,
  evolve,
  initialState,
  type RoundCommand,
  type RoundEvent,
  type RoundState,
} from '@selter/domain';
import { DecisionLedger } from '../decision-ledger';
import { misdirected } from './refusal';

/** A round's record: the domain's round decider, and a plan must name this workflow's round. */
export class RoundRecord extends DecisionLedger<RoundCommand, RoundEvent, RoundState> {
  constructor(
    streamId: string,
    roundId: string,
    activities: Pick<RoundActivities, 'recordRoundDecisions' | 'readRoundEvents'>,
  ) {
    super(
      streamId,
      { decide, evolve, initialState },
      { record: activities.recordRoundDecisions, read: activities.readRoundEvents },
      (command) => {
        if (command.type === 'PlanRound' && command.data.roundId !== roundId) {
          throw misdirected('ROUND.WRONG_WORKFLOW', `round ${command.data.roundId} planned in ${streamId}`, {
            roundId: command.data.roundId,
          });
        }
      },
    );
  }
}
