import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { tryDecideRotation, type RotationCommand } from '@selter/domain';
import { RotationAccess } from '../../access/rotation-access';
import type { Clock } from '../../clock/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { RotationWorkflows } from '../../workflows/rotation-workflows';
import { finishedProblem } from '../../workflows/temporal-problems';
import { checkAnswer, type DecisionCheck } from '../../rounds/check-decision/check-decision.query';
import { metadataFor } from '../../rounds/command-context';
import { CheckRotationDecisionQuery } from './check-rotation-decision.query';

/** A rotation decision's dry run, as for rounds (CheckDecisionHandler): same authorisation, the domain's decider, nothing recorded. */
@QueryHandler(CheckRotationDecisionQuery)
export class CheckRotationDecisionHandler implements IQueryHandler<
  CheckRotationDecisionQuery,
  DecisionCheck
> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly rotations: RotationWorkflows,
    private readonly access: RotationAccess,
  ) {}

  async execute({ ctx, rotation, type, data }: CheckRotationDecisionQuery): Promise<DecisionCheck> {
    await this.access.assertDecide(ctx.principal, rotation, type, data);
    const command = { type, data, metadata: metadataFor(ctx, this.clock) } as RotationCommand;
    const state = await this.rotations.state(rotation);
    // A decreed rotation's workflow has ended: the real decision finds no workflow to take it.
    if (state.status === 'decreed') throw finishedProblem(rotation.id, 'ROTATION');
    return checkAnswer(tryDecideRotation(command, state));
  }
}
