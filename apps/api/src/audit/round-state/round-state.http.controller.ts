import { Controller, Get, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { QUERY_RESPONSES } from '../../rounds/openapi';
import { roundIdParam, type RoundRef } from '../../rounds/round-id';
import { ApiJsonResponse } from '../../validation/response-schema';
import { ZodPipe } from '../../validation/zod.pipe';
import { RoundStateQuery, roundStateAt, type RoundStateAt } from './round-state.query';

const stateParams = z.strictObject({ at: z.coerce.number().int().min(1).optional() });

@ApiTags('audit')
@ApiBearerAuth()
@Controller('rounds/:roundId/audit/state')
export class RoundStateController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      "The round's full state right after an event, folded from its stored events (auditor, admin, oversight, the agency's operator)",
    operationId: 'getRoundStateAt',
  })
  @ApiParam({ name: 'roundId', example: 'round-kabcontoh-2024-01' })
  @ApiQuery({
    name: 'at',
    required: false,
    description: 'A stream version, 1 to the head (default: the head)',
    schema: { type: 'integer', minimum: 1 },
  })
  @ApiJsonResponse(roundStateAt)
  @QUERY_RESPONSES
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('roundId', new ZodPipe(roundIdParam, 'round id')) round: RoundRef,
    @QueryParams(new ZodPipe(stateParams, 'query')) params: z.infer<typeof stateParams>,
  ): Promise<RoundStateAt> {
    return this.queries.execute(new RoundStateQuery(principal, round, params.at));
  }
}
