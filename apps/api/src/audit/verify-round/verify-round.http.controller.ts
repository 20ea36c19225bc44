import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { QUERY_RESPONSES } from '../../rounds/openapi';
import { roundIdParam, type RoundRef } from '../../rounds/round-id';
import { ApiJsonResponse } from '../../validation/response-schema';
import { ZodPipe } from '../../validation/zod.pipe';
import { roundVerification, VerifyRoundQuery, type RoundVerification } from './verify-round.query';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('rounds/:roundId/audit/verification')
export class VerifyRoundController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      "Verify the round's hash chain and the signed checkpoint covering it (auditor, admin, oversight, the agency's operator)",
    operationId: 'verifyRound',
  })
  @ApiParam({ name: 'roundId', example: 'round-kabcontoh-2024-01' })
  @ApiJsonResponse(roundVerification)
  @QUERY_RESPONSES
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('roundId', new ZodPipe(roundIdParam, 'round id')) round: RoundRef,
  ): Promise<RoundVerification> {
    return this.queries.execute(new VerifyRoundQuery(principal, round));
  }
}
