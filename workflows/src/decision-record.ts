import { uuid4, workflowInfo } from '@temporalio/workflow';
import { asRefusal, misdirected } from './round/refusal';
import { serially } from './serially';
import { workflowNowIso } from './workflow-time';

/** The pure domain functions a record decides and folds with (round or rotation). */
export interface Decider<C extends { type: string; metadata: object }, E, S extends { version: number }> {
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
  initialState(): S;
}

/** The batch an append activity stores: the events with the ids the workflow drew. */
export interface DecidedBatch<E> {
  streamId: string;
  expectedVersion: number;
  events: Array<{ eventId: string; event: E }>;
  recordedAt: string;
}

/**
 * An aggregate's state inside its workflow and the one way to change it: decide with the domain,
 * fold with its evolve, append the events through an activity. Nothing here judges a decision
 * itself; `route` refuses a command sent to the wrong Update or the wrong workflow.
 */
export class DecisionRecord<C extends { type: string; metadata: object }, E, S extends { version: number }> {
  state: S;
  private readonly inOrder = serially();

  constructor(
    readonly streamId: string,
    private readonly decider: Decider<C, E, S>,
    private readonly append: (batch: DecidedBatch<E>) => Promise<unknown>,
    private readonly route: (command: C) => void = () => undefined,
  ) {
    this.state = decider.initialState();
  }

  /** Folds events already in the store (a new run after continue-as-new) without deciding anything. */
  restore(events: readonly E[]): void {
    this.state = events.reduce((s, e) => this.decider.evolve(s, e), this.state);
  }

  /** Throws the refusal the caller sees when the domain (or routing) refuses the command. */
  validate(type: C['type'], command: C): void {
    this.decide(type, command);
  }

  /**
   * Decides and folds before the first await, so an Update validated after this one already sees
   * this decision (two PPK choices sent at once: the second is refused). Then appends, in order.
   */
  async accept(type: C['type'], command: C): Promise<{ events: E[]; version: number }> {
    const events = this.decide(type, command);
    const expectedVersion = this.state.version;
    this.state = events.reduce((s, e) => this.decider.evolve(s, e), this.state);
    const version = this.state.version;
    if (events.length > 0) {
      const batch = { streamId: this.streamId, expectedVersion, events: events.map((event) => ({ eventId: uuid4(), event })), recordedAt: workflowNowIso() };
      await this.inOrder(() => this.append(batch));
    }
    return { events, version };
  }

  private decide(type: C['type'], command: C): E[] {
    if (command.type !== type) {
      throw misdirected('COMMAND.WRONG_UPDATE', `${command.type} sent to the ${type} update`, { type, got: command.type });
    }
    this.route(command);
    // The workflow run that decided is part of every event's metadata (STYLE.md rule 2).
    const { workflowId, runId } = workflowInfo();
    const stamped = { ...command, metadata: { ...command.metadata, workflowId, runId } };
    try {
      return this.decider.decide(stamped, this.state);
    } catch (error) {
      return asRefusal(error);
    }
  }
}
