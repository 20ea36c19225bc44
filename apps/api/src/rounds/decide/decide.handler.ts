import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RoundCommand, RoundPlan } from '@selter/domain';
import { RoundAccess } from '../../access/round-access';
import { AgencyTree } from '../../calendar/agency-tree';
import type { Clock } from '../../clock/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { metadataFor, type DecisionResponse } from '../command-context';
import { assertPlanLevel } from '../plan-level';
import { DecideCommand } from './decide.command';
import { DecisionRecorder } from './decision-recorder';

/** Authorises the decision for this caller on this round, stamps its metadata, and sends it as its Update. */
@CommandHandler(DecideCommand)
export class DecideHandler implements ICommandHandler<DecideCommand, DecisionResponse> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: RoundAccess,
    private readonly recorder: DecisionRecorder,
    private readonly tree: AgencyTree,
  ) {}

  async execute({ ctx, round, type, data }: DecideCommand): Promise<DecisionResponse> {
    await this.access.assertDecide(ctx.principal, round, type, data);
    if (type === 'RevisePlan') await assertPlanLevel(this.tree, round.agency, data['plan'] as RoundPlan);
    // The body was validated against this type's schema, typed from the domain's command.
    const command = { type, data, metadata: metadataFor(ctx, this.clock) } as RoundCommand;
    return this.recorder.record(ctx, round, command);
  }
}
