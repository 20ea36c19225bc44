import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RotationCommand } from '@selter/domain';
import { RotationAccess } from '../../access/rotation-access';
import type { Clock } from '../../clock/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { metadataFor } from '../../rounds/command-context';
import { RotationRecorder, type RotationDecisionResponse } from '../rotation-recorder';
import { DecideRotationCommand } from './decide-rotation.command';

@CommandHandler(DecideRotationCommand)
export class DecideRotationHandler implements ICommandHandler<
  DecideRotationCommand,
  RotationDecisionResponse
> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: RotationAccess,
    private readonly recorder: RotationRecorder,
  ) {}

  async execute({ ctx, rotation, type, data }: DecideRotationCommand): Promise<RotationDecisionResponse> {
    await this.access.assertDecide(ctx.principal, rotation, type, data);
    // The body was validated against this type's schema, typed from the domain's command.
    const command = { type, data, metadata: metadataFor(ctx, this.clock) } as RotationCommand;
    return this.recorder.record(ctx, rotation, command);
  }
}
