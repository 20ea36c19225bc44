import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { decisionCheck, type DecisionCheck } from '../../rounds/check-decision/check-decision.query';
import { Caller, type CommandContext } from '../../rounds/command-context';
import { decisionResponses } from '../../rounds/openapi';
import type { RoundRef } from '../../rounds/round-id';
import { ZodPipe } from '../../validation/zod.pipe';
import {
  ROTATION_DECISION_TYPES,
  rotationDecisionData,
  rotationDecisionTypeParam,
  type RotationDecisionType,
} from '../rotation-bodies';
import { rotationIdParam } from '../rotation-id';
import { CheckRotationDecisionQuery } from './check-rotation-decision.query';

/** A dry run of each rotation decision: its route with `/check` appended, the same refusals, nothing recorded. */
@ApiTags('rotations')
@ApiBearerAuth()
@Controller('rotations/:rotationId/decisions')
export class CheckRotationDecisionController {
  constructor(private readonly queries: QueryBus) {}

  @Post(':type/check')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Would the rules accept this rotation decision now? Records nothing',
    operationId: 'checkRotationDecision',
  })
  @ApiParam({ name: 'rotationId', example: 'rotation-kabcontoh-2024-01' })
  @ApiParam({ name: 'type', enum: ROTATION_DECISION_TYPES })
  @ApiBody({ schema: { type: 'object' } })
  @decisionResponses(decisionCheck, 200, 'Allowed: the events the decision would record')
  check(
    @Caller() ctx: CommandContext,
    @Param('rotationId', new ZodPipe(rotationIdParam, 'rotation id')) rotation: RoundRef,
    @Param('type', new ZodPipe(rotationDecisionTypeParam, 'decision type')) type: RotationDecisionType,
    @Body() body: unknown,
  ): Promise<DecisionCheck> {
    return this.queries.execute(
      new CheckRotationDecisionQuery(ctx, rotation, type, rotationDecisionData(type, body)),
    );
  }
}
