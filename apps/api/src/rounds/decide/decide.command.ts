import { Command } from '@nestjs/cqrs';
import type { CommandContext, DecisionResponse } from '../command-context';
import type { RoundRef } from '../round-id';
import type { DecisionType } from '../schemas/decision-bodies';

/** One human decision on a round: the command type and its validated data. */
export class DecideCommand extends Command<DecisionResponse> {
  constructor(
    readonly ctx: CommandContext,
    readonly round: RoundRef,
    readonly type: DecisionType,
    readonly data: Record<string, unknown>,
  ) {
    super();
  }
}
