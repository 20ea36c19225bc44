import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Config } from '@selter/config';
import type { RoundWorkflowInput } from '@selter/contracts';
import type { PlanRound } from '@selter/domain';
import type { Client } from '@temporalio/client';
import { RoundAccess } from '../../access/round-access';
import type { Clock } from '../../clock/clock';
import { CLOCK, CONFIG, TEMPORAL_CLIENT } from '../../infrastructure/tokens';
import { metadataFor, type DecisionResponse } from '../command-context';
import { DecisionRecorder } from '../decide/decision-recorder';
import { roundRef } from '../round-id';
import { agencyFor, startBusinessWorkflow } from '../start-workflow';
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
    const round = roundRef(agencyFor(ctx.principal, request.agency, 'rounds'), request.roundId);
    const data = { roundId: request.roundId, plan: request.plan, ...(request.policyId ? { policyId: request.policyId } : {}) };
    await this.access.assertDecide(ctx.principal, round, 'PlanRound', data);
    const input: RoundWorkflowInput = { agency: round.agency, roundId: request.roundId };
    await startBusinessWorkflow(this.client, { taskQueue: this.config.temporal.taskQueue, workflowType: 'selectionRound', workflowId: round.id, input, finishedCode: 'ROUND.ALREADY_EXISTS' });
    const command: PlanRound = { type: 'PlanRound', data, metadata: metadataFor(ctx, this.clock) };
    return this.recorder.record(ctx, round, command);
  }
}
