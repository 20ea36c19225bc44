import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { ReadsAfterWrite } from '../read-after/read-after';
import { ApiJsonResponse } from '../../validation/response-schema';
import { ZodPipe } from '../../validation/zod.pipe';
import { QUERY_RESPONSES } from '../openapi';
import { postIdParam, roundIdParam, type RoundRef } from '../round-id';
import { applicantsView, ListApplicantsQuery, type ApplicantsView } from './list-applicants.query';

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds/:roundId/posts/:postId/applicants')
export class ListApplicantsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: "A post's applicants with stage results, and its ranked publications",
    operationId: 'listApplicants',
  })
  @ApiParam({ name: 'roundId', example: 'round-kabcontoh-2024-01' })
  @ApiParam({ name: 'postId', example: 'dinkes' })
  @ApiJsonResponse(applicantsView)
  @ReadsAfterWrite(true)
  @QUERY_RESPONSES
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('roundId', new ZodPipe(roundIdParam, 'round id')) round: RoundRef,
    @Param('postId', new ZodPipe(postIdParam, 'post id')) postId: string,
  ): Promise<ApplicantsView> {
    return this.queries.execute(new ListApplicantsQuery(principal, round, postId));
  }
}
