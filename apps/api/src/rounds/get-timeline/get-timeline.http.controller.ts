import { Controller, Get, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { ApiJsonResponse } from '../../validation/response-schema';
import { ZodPipe } from '../../validation/zod.pipe';
import { QUERY_RESPONSES } from '../openapi';
import { roundIdParam, type RoundRef } from '../round-id';
import { readAfterParams, ReadsAfterWrite } from '../read-after/read-after';
import { GetTimelineQuery, timeline, type Timeline } from './get-timeline.query';

const pageParams = z.strictObject({
  fromVersion: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  ...readAfterParams,
});

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds/:roundId/timeline')
export class GetTimelineController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: "The round's timeline: every event, who decided it and in which role",
    operationId: 'getTimeline',
  })
  @ApiParam({ name: 'roundId', example: 'round-kabcontoh-2024-01' })
  @ApiQuery({ name: 'fromVersion', required: false, schema: { type: 'integer', minimum: 1 } })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000 } })
  @ApiJsonResponse(timeline)
  @ReadsAfterWrite(true)
  @QUERY_RESPONSES
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('roundId', new ZodPipe(roundIdParam, 'round id')) round: RoundRef,
    @QueryParams(new ZodPipe(pageParams, 'query')) page: z.infer<typeof pageParams>,
  ): Promise<Timeline> {
    return this.queries.execute(new GetTimelineQuery(principal, round, page.fromVersion, page.limit));
  }
}
