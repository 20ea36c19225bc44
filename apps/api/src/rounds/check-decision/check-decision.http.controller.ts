import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ZodPipe } from '../../validation/zod.pipe';
import { Caller, type CommandContext } from '../command-context';
import { decisionResponses } from '../openapi';
import { roundIdParam, type RoundRef } from '../round-id';
import {
  DECISION_TYPES,
  decisionData,
  decisionTypeParam,
  type DecisionType,
} from '../schemas/decision-bodies';
import { CheckDecisionQuery, decisionCheck, type DecisionCheck } from './check-decision.query';

/**
 * A dry run of each decision: the same route and body as the decision with `/check` appended,
 * and the same refusals; it records nothing (one operation per type in the OpenAPI document).
 */
@ApiTags('decisions')
@ApiBearerAuth()
@Controller('rounds/:roundId/decisions')
export class CheckDecisionController {
  constructor(private readonly queries: QueryBus) {}

  @Post(':type/check')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Would the rules accept this decision now? Records nothing',
    operationId: 'check',
  })
  @ApiParam({ name: 'roundId', example: 'round-kabcontoh-2024-01' })
  @ApiParam({ name: 'type', enum: DECISION_TYPES })
  @ApiBody({ schema: { type: 'object' } })
  @decisionResponses(decisionCheck, 200, 'Allowed: the events the decision would record')
  check(
    @Caller() ctx: CommandContext,
    @Param('roundId', new ZodPipe(roundIdParam, 'round id')) round: RoundRef,
    @Param('type', new ZodPipe(decisionTypeParam, 'decision type')) type: DecisionType,
    @Body() body: unknown,
  ): Promise<DecisionCheck> {
    return this.queries.execute(new CheckDecisionQuery(ctx, round, type, decisionData(type, body)));
  }
}
