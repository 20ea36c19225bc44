import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Config } from '@selter/config';
import type { RoundWorkflowInput } from '@selter/contracts';
import type { PlanRound } from '@selter/domain';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { RoundAccess } from '../../access/round-access';
import type { Clock } from '../../clock/clock';
import { CLOCK, CONFIG, TEMPORAL_CLIENT } from '../../infrastructure/tokens';
import { ProblemException } from '../../problem/problem-details.filter';
import { forbidden } from '../../problem/problems';
import { metadataFor, type DecisionResponse } from '../command-context';
import { DecisionRecorder } from '../decide/decision-recorder';
import { roundRef } from '../round-id';
import { PlanRoundCommand } from './plan-round.command';

/**
 * Starts the round's workflow (the business key is its id: starting one that runs joins it) and
 * sends PlanRound as its first Update. A finished round's id is never reused.
 */
@CommandHandler(PlanRoundCommand)
export class PlanRoundHandler implements ICommandHandler<PlanRoundCommand, DecisionResponse> {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: RoundAccess,
    private readonly recorder: DecisionRecorder,
  ) {}

  async execute({ ctx, request }: PlanRoundCommand): Promise<DecisionResponse> {
    const { principal } = ctx;
    if (request.agency && principal.role !== 'admin' && request.agency !== principal.agency) throw forbidden('You may plan rounds only for your own agency.');
    const agency = request.agency ?? principal.agency;
    if (!agency) throw new ProblemException({ status: 400, code: 'REQUEST.INVALID', detail: 'An admin names the agency the round belongs to.' });
    const round = roundRef(agency, request.roundId);
    const data = { roundId: request.roundId, plan: request.plan, ...(request.policyId ? { policyId: request.policyId } : {}) };
    await this.access.assertDecide(principal, round, 'PlanRound', data);
    const input: RoundWorkflowInput = { agency, roundId: request.roundId };
    try {
      await this.client.workflow.start('selectionRound', {
        taskQueue: this.config.temporal.taskQueue,
        workflowId: round.id,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        throw new ProblemException({ status: 409, code: 'ROUND.ALREADY_EXISTS', detail: `${round.id} already ran to its end; choose another round id.` });
      }
      throw error;
    }
    const command: PlanRound = { type: 'PlanRound', data, metadata: metadataFor(ctx, this.clock) };
    return this.recorder.record(ctx, round, command);
  }
}
