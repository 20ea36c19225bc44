import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RotationWorkflowInput } from '@selter/contracts';
import type { PlanRotation } from '@selter/domain';
import { RotationAccess } from '../../access/rotation-access';
import type { Clock } from '../../clock/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { RotationWorkflows } from '../../workflows/rotation-workflows';
import { metadataFor } from '../../rounds/command-context';
import { agencyFor } from '../../rounds/start-workflow';
import { rotationRef } from '../rotation-id';
import { RotationRecorder, type RotationDecisionResponse } from '../rotation-recorder';
import { PlanRotationCommand } from './plan-rotation.command';

/** Starts the rotation's workflow (its id is the business key) and sends PlanRotation as its first Update. */
@CommandHandler(PlanRotationCommand)
export class PlanRotationHandler implements ICommandHandler<PlanRotationCommand, RotationDecisionResponse> {
  constructor(
    private readonly rotations: RotationWorkflows,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: RotationAccess,
    private readonly recorder: RotationRecorder,
  ) {}

  async execute({ ctx, request }: PlanRotationCommand): Promise<RotationDecisionResponse> {
    const rotation = rotationRef(agencyFor(ctx.principal, request.agency, 'rotations'), request.rotationId);
    const data = {
      rotationId: request.rotationId,
      agency: rotation.agency,
      posts: request.posts,
      incumbents: request.incumbents,
      ...(request.policyId ? { policyId: request.policyId } : {}),
    };
    await this.access.assertDecide(ctx.principal, rotation, 'PlanRotation', data);
    const input: RotationWorkflowInput = { agency: rotation.agency, rotationId: request.rotationId };
    await this.rotations.start(rotation, input);
    const command: PlanRotation = { type: 'PlanRotation', data, metadata: metadataFor(ctx, this.clock) };
    return this.recorder.record(ctx, rotation, command);
  }
}
