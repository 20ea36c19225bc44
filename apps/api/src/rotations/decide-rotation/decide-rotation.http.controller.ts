import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
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
import { rotationDecisionResult, type RotationDecisionResponse } from '../rotation-recorder';
import { DecideRotationCommand } from './decide-rotation.command';

@ApiTags('rotations')
@ApiBearerAuth()
@Controller('rotations/:rotationId/decisions')
export class DecideRotationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':type')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a decision to a rotation', operationId: 'decideRotation' })
  @ApiParam({ name: 'rotationId', example: 'rotation-kabcontoh-2024-01' })
  @ApiParam({ name: 'type', enum: ROTATION_DECISION_TYPES })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiBody({ schema: { type: 'object' } })
  @decisionResponses(rotationDecisionResult)
  decide(
    @Caller() ctx: CommandContext,
    @Param('rotationId', new ZodPipe(rotationIdParam, 'rotation id')) rotation: RoundRef,
    @Param('type', new ZodPipe(rotationDecisionTypeParam, 'decision type')) type: RotationDecisionType,
    @Body() body: unknown,
  ): Promise<RotationDecisionResponse> {
    return this.commands.execute(
      new DecideRotationCommand(ctx, rotation, type, rotationDecisionData(type, body)),
    );
  }
}
