import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RoundWorkflowInput } from '@selter/contracts';
import type { PlanRound } from '@selter/domain';
import { RoundAccess } from '../../access/round-access';
import { AgencyTree } from '../../calendar/agency-tree';
import type { Clock } from '../../clock/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { RoundWorkflows } from '../../workflows/round-workflows';
import { metadataFor, type DecisionResponse } from '../command-context';
import { DecisionRecorder } from '../decide/decision-recorder';
import { assertPlanLevel } from '../plan-level';
import { roundRef } from '../round-id';
import { agencyFor } from '../start-workflow';
import { PlanRoundCommand } from './plan-round.command';

/**
 * Starts the round's workflow (the business key is its id: starting one that runs joins it) and
 * sends PlanRound as its first Update. A finished round's id is never reused.
 */
@CommandHandler(PlanRoundCommand)
export class PlanRoundHandler implements ICommandHandler<PlanRoundCommand, DecisionResponse> {
  constructor(
    private readonly rounds: RoundWorkflows,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: RoundAccess,
    private readonly recorder: DecisionRecorder,
    private readonly tree: AgencyTree,
  ) {}

  async execute({ ctx, request }: PlanRoundCommand): Promise<DecisionResponse> {
    const round = roundRef(agencyFor(ctx.principal, request.agency, 'rounds'), request.roundId);
    const data = {
      roundId: request.roundId,
      plan: request.plan,
      ...(request.policyId ? { policyId: request.policyId } : {}),
    };
    await this.access.assertDecide(ctx.principal, round, 'PlanRound', data);
    await assertPlanLevel(this.tree, round.agency, request.plan);
    const input: RoundWorkflowInput = { agency: round.agency, roundId: request.roundId };
    await this.rounds.start(round, input);
    const command: PlanRound = { type: 'PlanRound', data, metadata: metadataFor(ctx, this.clock) };
    return this.recorder.record(ctx, round, command);
  }
}
