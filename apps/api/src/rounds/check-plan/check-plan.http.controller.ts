import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { openApiSchema, ZodPipe } from '../../validation/zod.pipe';
import { Caller, type CommandContext } from '../command-context';
import { decisionResponses } from '../openapi';
import {
  CheckPlanQuery,
  planCheckRequest,
  planCheckView,
  type PlanCheckRequest,
  type PlanCheckView,
} from './check-plan.query';

/**
 * A plan's dry run: the body of POST /rounds, judged by the domain's validators, answered with
 * every finding at once (200 even with findings: the check itself succeeded). Records nothing.
 */
@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds/plan-check')
export class CheckPlanController {
  constructor(private readonly queries: QueryBus) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Every finding the rules make on a plan now, without planning it',
    operationId: 'checkPlan',
  })
  @ApiBody({ schema: openApiSchema(planCheckRequest) })
  @decisionResponses(
    planCheckView,
    200,
    'The policy the plan would be judged by and every finding (none: it would be accepted)',
  )
  check(
    @Caller() ctx: CommandContext,
    @Body(new ZodPipe(planCheckRequest, 'round plan')) body: PlanCheckRequest,
  ): Promise<PlanCheckView> {
    return this.queries.execute(new CheckPlanQuery(ctx, body));
  }
}
