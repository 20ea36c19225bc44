import { ReadsAfterWrite } from '../../rounds/read-after/read-after';
import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AGENCY } from '../../auth/principal';
import { Public } from '../../auth/public.decorator';
import { ApiJsonResponse } from '../../validation/response-schema';
import { ZodPipe } from '../../validation/zod.pipe';
import { publicAgencyView, PublishedResultsQuery, type PublicAgencyView } from './published-results.query';

@ApiTags('public')
@Public()
@Controller('public/agencies/:agency/rounds')
export class PublishedResultsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: "An agency's announced rounds and every stage ranking they published (R21), without signing in",
    operationId: 'publicRounds',
  })
  @ApiParam({ name: 'agency', example: 'kabcontoh' })
  @ApiJsonResponse(publicAgencyView)
  @ReadsAfterWrite(false)
  list(
    @Param('agency', new ZodPipe(z.string().regex(AGENCY, 'expected an agency code'), 'agency'))
    agency: string,
  ): Promise<PublicAgencyView> {
    return this.queries.execute(new PublishedResultsQuery(agency));
  }
}
