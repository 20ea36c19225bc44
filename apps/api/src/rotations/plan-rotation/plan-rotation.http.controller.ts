import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, type CommandContext } from '../../rounds/command-context';
import { decisionResponses } from '../../rounds/openapi';
import { openApiSchema, ZodPipe } from '../../validation/zod.pipe';
import { planRotationRequest, type PlanRotationRequest } from '../rotation-bodies';
import { rotationDecisionResult, type RotationDecisionResponse } from '../rotation-recorder';
import { PlanRotationCommand } from './plan-rotation.command';

@ApiTags('rotations')
@ApiBearerAuth()
@Controller('rotations')
export class PlanRotationController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Start a rotation (uji kompetensi) of sitting officials and record its plan',
    operationId: 'planRotation',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiBody({ schema: openApiSchema(planRotationRequest) })
  @decisionResponses(rotationDecisionResult, 201)
  plan(
    @Caller() ctx: CommandContext,
    @Body(new ZodPipe(planRotationRequest, 'rotation plan')) body: PlanRotationRequest,
  ): Promise<RotationDecisionResponse> {
    return this.commands.execute(new PlanRotationCommand(ctx, body));
  }
}
