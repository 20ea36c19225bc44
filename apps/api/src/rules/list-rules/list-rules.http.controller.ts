import { Controller, Get, Header } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/public.decorator';
import { ApiJsonResponse } from '../../validation/response-schema';
import { ListRulesQuery, rulesView, type RulesView } from './list-rules.query';

/**
 * The rules R1-R33 with their legal sources, without signing in: a refusal names its rule id, and
 * the console (or anyone) shows what that rule says and where the law says it. It changes only
 * with a release, so caches may keep it for an hour (and revalidate by ETag after that).
 */
@ApiTags('rules')
@Public()
@Controller('rules')
export class ListRulesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({
    summary: 'The rule catalogue (R1-R33): title, what each demands, its legal source',
    operationId: 'listRules',
  })
  @ApiJsonResponse(rulesView, 200, 'Every rule of the registry')
  list(): Promise<RulesView> {
    return this.queries.execute(new ListRulesQuery());
  }
}
