import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { tryDecideRotation, type RotationCommand } from '@selter/domain';
import type { Client } from '@temporalio/client';
import { RotationAccess, rotationStateOf } from '../../access/rotation-access';
import type { Clock } from '../../clock/clock';
import { CLOCK, TEMPORAL_CLIENT } from '../../infrastructure/tokens';
import { checkAnswer, type DecisionCheck } from '../../rounds/check-decision/check-decision.query';
import { metadataFor } from '../../rounds/command-context';
import { finished } from '../../rounds/send-decision';
import { CheckRotationDecisionQuery } from './check-rotation-decision.query';

/** A rotation decision's dry run, as for rounds (CheckDecisionHandler): same authorisation, the domain's decider, nothing recorded. */
@QueryHandler(CheckRotationDecisionQuery)
export class CheckRotationDecisionHandler implements IQueryHandler<CheckRotationDecisionQuery, DecisionCheck> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly access: RotationAccess,
  ) {}

  async execute({ ctx, rotation, type, data }: CheckRotationDecisionQuery): Promise<DecisionCheck> {
    await this.access.assertDecide(ctx.principal, rotation, type, data);
    const command = { type, data, metadata: metadataFor(ctx, this.clock) } as RotationCommand;
    const state = await rotationStateOf(this.client, rotation);
    // A decreed rotation's workflow has ended: the real decision finds no workflow to take it.
    if (state.status === 'decreed') throw finished(rotation.id, 'ROTATION.NOT_FOUND');
    return checkAnswer(tryDecideRotation(command, state));
  }
}
