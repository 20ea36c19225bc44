import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../rounds/command-context';
import type { RoundRef } from '../../rounds/round-id';
import type { RotationDecisionType } from '../rotation-bodies';
import type { RotationDecisionResponse } from '../rotation-recorder';

export class DecideRotationCommand extends Command<RotationDecisionResponse> {
  constructor(
    readonly ctx: CommandContext,
    readonly rotation: RoundRef,
    readonly type: RotationDecisionType,
    readonly data: Record<string, unknown>,
  ) {
    super();
  }
}
