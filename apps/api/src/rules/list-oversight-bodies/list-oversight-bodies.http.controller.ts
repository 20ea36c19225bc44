import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/public.decorator';
import { ApiJsonResponse } from '../../validation/response-schema';
import {
  ListOversightBodiesQuery,
  oversightBodiesView,
  type OversightBodiesView,
} from './list-oversight-bodies.query';

/**
 * The oversight bodies (KASN, BKN, later the independent body) and who held the gates when,
 * without signing in, like the policies: which body holds a gate follows the law of the day.
 */
@ApiTags('rules')
@Public()
@Controller('oversight-bodies')
export class ListOversightBodiesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'The oversight bodies and their succession: who holds the oversight gates on which dates',
    operationId: 'listOversightBodies',
  })
  @ApiJsonResponse(oversightBodiesView, 200, 'Every body, each term of office with its legal source')
  list(): Promise<OversightBodiesView> {
    return this.queries.execute(new ListOversightBodiesQuery());
  }
}
