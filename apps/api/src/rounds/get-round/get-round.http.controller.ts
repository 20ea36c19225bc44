import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { ApiJsonResponse } from '../../validation/response-schema';
import { ZodPipe } from '../../validation/zod.pipe';
import { QUERY_RESPONSES } from '../openapi';
import { roundIdParam, type RoundRef } from '../round-id';
import { ReadsAfterWrite } from '../read-after/read-after';
import { GetRoundQuery } from './get-round.query';
import { roundView, type RoundView } from './round.view';

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds')
export class GetRoundController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':roundId')
  @ApiOperation({ summary: 'A round and its posts with their status', operationId: 'getRound' })
  @ApiParam({ name: 'roundId', example: 'round-kabcontoh-2024-01' })
  @ApiJsonResponse(roundView)
  @ReadsAfterWrite(true)
  @QUERY_RESPONSES
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('roundId', new ZodPipe(roundIdParam, 'round id')) round: RoundRef,
  ): Promise<RoundView> {
    return this.queries.execute(new GetRoundQuery(principal, round));
  }
}
