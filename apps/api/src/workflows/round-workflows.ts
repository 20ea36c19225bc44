import { Injectable } from '@nestjs/common';
import {
  awaitingQuery,
  roundStateQuery,
  type AwaitedWithAlarm,
  type RoundWorkflowInput,
} from '@selter/contracts';
import type { RoundCommand, RoundState } from '@selter/domain';
import type { RoundRef } from '../rounds/round-id';
import { WorkflowPort, type DecisionOutcome } from './workflow-port';

/** The round workflows as the API's handlers use them (ADR 16): no handler imports the Temporal client. */
@Injectable()
export class RoundWorkflows {
  constructor(private readonly port: WorkflowPort) {}

  start(round: RoundRef, input: RoundWorkflowInput): Promise<void> {
    return this.port.start('ROUND', 'selectionRound', round, input);
  }

  /** Records one decision (or refuses it with the domain's problem, or 429/503 with Retry-After). */
  decide(
    round: RoundRef,
    command: RoundCommand,
    decisionId: string,
    idempotencyKey?: string,
  ): Promise<DecisionOutcome> {
    return this.port.decide('ROUND', round, command, decisionId, idempotencyKey);
  }

  /** The round's recorded state (404 ROUND.NOT_FOUND without a workflow, 409 ROUND.FINISHED once ended). */
  state(round: RoundRef): Promise<RoundState> {
    return this.port.query('ROUND', round.id, roundStateQuery);
  }

  awaiting(round: RoundRef): Promise<readonly AwaitedWithAlarm[]> {
    return this.port.query('ROUND', round.id, awaitingQuery);
  }
}
