import type { RoundActivities } from '@selter/contracts';
import {
  createRoundDecider,
  evolve,
  initialState,
  type DeciderOptions,
  type RoundCalendar,
  type RoundCommand,
  type RoundEvent,
  type RoundState,
} from '@selter/domain';
import { DecisionLedger } from '../decision-ledger';
import { misdirected } from './refusal';

/**
 * A round's record: the domain's round decider (with the round's pinned calendar once it has one,
 * ADR 24), and a plan must name this workflow's round.
 */
export class RoundRecord extends DecisionLedger<RoundCommand, RoundEvent, RoundState> {
  private readonly chosen: { decide: (command: RoundCommand, state: RoundState) => RoundEvent[] };

  constructor(
    streamId: string,
    roundId: string,
    activities: Pick<RoundActivities, 'recordRoundDecisions' | 'readRoundEvents'>,
    private readonly options: DeciderOptions = {},
  ) {
    const decider = { decide: createRoundDecider(undefined, undefined, options).decide };
    super(
      streamId,
      { decide: (command, state) => decider.decide(command, state), evolve, initialState },
      { record: activities.recordRoundDecisions, read: activities.readRoundEvents },
      (command) => {
        if (command.type === 'PlanRound' && command.data.roundId !== roundId) {
          throw misdirected('ROUND.WRONG_WORKFLOW', `round ${command.data.roundId} planned in ${streamId}`, {
            roundId: command.data.roundId,
          });
        }
      },
    );
    this.chosen = decider;
  }

  /** Decides from now on with the round's calendar: its days off, years covered and the agency's zone. */
  useCalendar(calendar: RoundCalendar): void {
    this.chosen.decide = createRoundDecider(undefined, calendar, this.options).decide;
  }
}
