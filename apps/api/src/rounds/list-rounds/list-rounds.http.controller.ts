import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { ZodPipe } from '../../validation/zod.pipe';
import { QUERY_RESPONSES } from '../openapi';
import { ApiJsonResponse } from '../../validation/response-schema';
import { readAfterParams, ReadsAfterWrite } from '../read-after/read-after';
import { ListRoundsQuery, roundList, type RoundList } from './list-rounds.query';

const listParams = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  ...readAfterParams,
});

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds')
export class ListRoundsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'The rounds the caller may see, newest change first', operationId: 'listRounds' })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
  })
  @ApiJsonResponse(roundList)
  @ReadsAfterWrite(false)
  @QUERY_RESPONSES
  list(
    @CurrentPrincipal() principal: Principal,
    @QueryParams(new ZodPipe(listParams, 'query')) params: z.infer<typeof listParams>,
  ): Promise<RoundList> {
    return this.queries.execute(new ListRoundsQuery(principal, params.limit));
  }
}
