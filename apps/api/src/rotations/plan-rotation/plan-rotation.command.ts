import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../rounds/command-context';
import type { PlanRotationRequest } from '../rotation-bodies';
import type { RotationDecisionResponse } from '../rotation-recorder';

export class PlanRotationCommand extends Command<RotationDecisionResponse> {
  constructor(
    readonly ctx: CommandContext,
    readonly request: PlanRotationRequest,
  ) {
    super();
  }
}
