import type { RoundActivities } from '@selter/contracts';
import { decide, evolve, initialState, type RoundCommand, type RoundEvent, type RoundState } from '@selter/domain';
import { DecisionRecord } from '../decision-record';
import { misdirected } from './refusal';

/** A round's record: the domain's round decider, and a plan must name this workflow's round. */
export class RoundRecord extends DecisionRecord<RoundCommand, RoundEvent, RoundState> {
  constructor(streamId: string, roundId: string, append: RoundActivities['appendRoundEvents']) {
    super(streamId, { decide, evolve, initialState }, append, (command) => {
      if (command.type === 'PlanRound' && command.data.roundId !== roundId) {
        throw misdirected('ROUND.WRONG_WORKFLOW', `round ${command.data.roundId} planned in ${streamId}`, { roundId: command.data.roundId });
      }
    });
  }
}
