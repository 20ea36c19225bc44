import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/public.decorator';
import { ApiJsonResponse } from '../../validation/response-schema';
import { ListPoliciesQuery, policyListView, type PolicyListView } from './list-policies.query';

/**
 * The policy versions (KASN era, BKN era, variants) with every number and its legal source,
 * without signing in, like the rules: the plan editor offers them and shows their numbers.
 * Which one is in force depends on the API's clock, so it is not cached.
 */
@ApiTags('rules')
@Public()
@Controller('policies')
export class ListPoliciesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'The policy versions: numbers with their sources, validity, the one in force today',
    operationId: 'listPolicies',
  })
  @ApiJsonResponse(policyListView, 200, 'Every policy version the API knows')
  list(): Promise<PolicyListView> {
    return this.queries.execute(new ListPoliciesQuery());
  }
}
