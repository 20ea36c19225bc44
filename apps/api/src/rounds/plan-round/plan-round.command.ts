import { Command } from '@nestjs/cqrs';
import type { CommandContext, DecisionResponse } from '../command-context';
import type { PlanRoundRequest } from './plan-round.request';

export class PlanRoundCommand extends Command<DecisionResponse> {
  constructor(
    readonly ctx: CommandContext,
    readonly request: PlanRoundRequest,
  ) {
    super();
  }
}
