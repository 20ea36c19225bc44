import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ZodPipe } from '../../validation/zod.pipe';
import { Caller, type CommandContext, type DecisionResponse } from '../command-context';
import { DECISION_RESPONSES } from '../openapi';
import { roundIdParam, type RoundRef } from '../round-id';
import {
  DECISION_TYPES,
  decisionData,
  decisionTypeParam,
  type DecisionType,
} from '../schemas/decision-bodies';
import { DecideCommand } from './decide.command';

/**
 * Every human decision of a round after its plan, one route per command type: the OpenAPI
 * document lists each as its own operation with its own body (see decision-openapi.ts).
 */
@ApiTags('decisions')
@ApiBearerAuth()
@Controller('rounds/:roundId/decisions')
export class DecideController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':type')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a decision to a round', operationId: 'decide' })
  @ApiParam({ name: 'roundId', example: 'round-kabcontoh-2024-01' })
  @ApiParam({ name: 'type', enum: DECISION_TYPES })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retry-safe key (per caller, kept 24 h)',
  })
  @ApiBody({ schema: { type: 'object' } })
  @DECISION_RESPONSES
  decide(
    @Caller() ctx: CommandContext,
    @Param('roundId', new ZodPipe(roundIdParam, 'round id')) round: RoundRef,
    @Param('type', new ZodPipe(decisionTypeParam, 'decision type')) type: DecisionType,
    @Body() body: unknown,
  ): Promise<DecisionResponse> {
    return this.commands.execute(new DecideCommand(ctx, round, type, decisionData(type, body)));
  }
}
