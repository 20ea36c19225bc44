import type { DecisionResult, RoundActivities, RoundCommandType } from '@selter/contracts';
import { decide, evolve, initialState, type RoundCommand, type RoundEvent, type RoundState } from '@selter/domain';
import { uuid4, workflowInfo } from '@temporalio/workflow';
import { asRefusal, misdirected } from './refusal';
import { serially } from '../serially';

/**
 * A round's state inside its workflow and the one way to change it: decide with the domain, fold
 * with its evolve, append the events through an activity. Nothing here judges a decision itself.
 */
export class RoundRecord {
  state: RoundState = initialState();
  private readonly inOrder = serially();

  constructor(
    private readonly streamId: string,
    private readonly roundId: string,
    private readonly append: RoundActivities['appendRoundEvents'],
  ) {}

  /** Throws the refusal the caller sees when the domain (or routing) refuses the command. */
  validate(type: RoundCommandType, command: RoundCommand): void {
    this.decide(type, command);
  }

  /**
   * Decides and folds before the first await, so an Update validated after this one already sees
   * this decision (two PPK choices sent at once: the second is refused). Then appends, in order.
   */
  async accept(type: RoundCommandType, command: RoundCommand): Promise<DecisionResult> {
    const events = this.decide(type, command);
    const expectedVersion = this.state.version;
    this.state = events.reduce(evolve, this.state);
    const version = this.state.version;
    if (events.length > 0) {
      const batch = {
        streamId: this.streamId,
        expectedVersion,
        events: events.map((event) => ({ eventId: uuid4(), event })),
        recordedAt: new Date().toISOString(),
      };
      await this.inOrder(() => this.append(batch));
    }
    return { events, version };
  }

  private decide(type: RoundCommandType, command: RoundCommand): RoundEvent[] {
    if (command.type !== type) {
      throw misdirected('COMMAND.WRONG_UPDATE', `${command.type} sent to the ${type} update`, { type, got: command.type });
    }
    if (command.type === 'PlanRound' && command.data.roundId !== this.roundId) {
      throw misdirected('ROUND.WRONG_WORKFLOW', `round ${command.data.roundId} planned in ${this.streamId}`, {
        roundId: command.data.roundId,
      });
    }
    // The workflow run that decided is part of every event's metadata (STYLE.md rule 2).
    const { workflowId, runId } = workflowInfo();
    const stamped = { ...command, metadata: { ...command.metadata, workflowId, runId } } as RoundCommand;
    try {
      return decide(stamped, this.state);
    } catch (error) {
      return asRefusal(error);
    }
  }
}
