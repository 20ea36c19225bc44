import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { openApiSchema, ZodPipe } from '../../validation/zod.pipe';
import { Caller, decisionResult, type CommandContext, type DecisionResponse } from '../command-context';
import { decisionResponses } from '../openapi';
import { PlanRoundCommand } from './plan-round.command';
import { planRoundRequest, type PlanRoundRequest } from './plan-round.request';

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds')
export class PlanRoundController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Start a selection round and record its plan (operator, or admin for any agency)',
    operationId: 'planRound',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retry-safe key (per caller, kept 24 h)',
  })
  @ApiBody({ schema: openApiSchema(planRoundRequest) })
  @decisionResponses(decisionResult, 201)
  plan(
    @Caller() ctx: CommandContext,
    @Body(new ZodPipe(planRoundRequest, 'round plan')) body: PlanRoundRequest,
  ): Promise<DecisionResponse> {
    return this.commands.execute(new PlanRoundCommand(ctx, body));
  }
}
