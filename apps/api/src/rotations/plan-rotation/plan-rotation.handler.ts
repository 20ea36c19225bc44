import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Config } from '@selter/config';
import type { RotationWorkflowInput } from '@selter/contracts';
import type { PlanRotation } from '@selter/domain';
import type { Client } from '@temporalio/client';
import { RotationAccess } from '../../access/rotation-access';
import type { Clock } from '../../clock/clock';
import { CLOCK, CONFIG, TEMPORAL_CLIENT } from '../../infrastructure/tokens';
import { metadataFor } from '../../rounds/command-context';
import { agencyFor, startBusinessWorkflow } from '../../rounds/start-workflow';
import { rotationRef } from '../rotation-id';
import { RotationRecorder, type RotationDecisionResponse } from '../rotation-recorder';
import { PlanRotationCommand } from './plan-rotation.command';

/** Starts the rotation's workflow (its id is the business key) and sends PlanRotation as its first Update. */
@CommandHandler(PlanRotationCommand)
export class PlanRotationHandler implements ICommandHandler<PlanRotationCommand, RotationDecisionResponse> {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: RotationAccess,
    private readonly recorder: RotationRecorder,
  ) {}

  async execute({ ctx, request }: PlanRotationCommand): Promise<RotationDecisionResponse> {
    const rotation = rotationRef(agencyFor(ctx.principal, request.agency, 'rotations'), request.rotationId);
    const data = { rotationId: request.rotationId, agency: rotation.agency, posts: request.posts, incumbents: request.incumbents, ...(request.policyId ? { policyId: request.policyId } : {}) };
    await this.access.assertDecide(ctx.principal, rotation, 'PlanRotation', data);
    const input: RotationWorkflowInput = { agency: rotation.agency, rotationId: request.rotationId };
    await startBusinessWorkflow(this.client, { taskQueue: this.config.temporal.taskQueue, workflowType: 'rotation', workflowId: rotation.id, input, finishedCode: 'ROTATION.ALREADY_EXISTS' });
    const command: PlanRotation = { type: 'PlanRotation', data, metadata: metadataFor(ctx, this.clock) };
    return this.recorder.record(ctx, rotation, command);
  }
}
