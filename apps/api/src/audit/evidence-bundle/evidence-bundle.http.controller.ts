import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { ProblemException } from '../../problem/problem-details.filter';
import { problemResponse, QUERY_RESPONSES } from '../../rounds/openapi';
import { roundIdParam, type RoundRef } from '../../rounds/round-id';
import { ApiJsonResponse } from '../../validation/response-schema';
import { ZodPipe } from '../../validation/zod.pipe';
import {
  evidenceBundle,
  EvidenceBundleQuery,
  NOT_CHECKPOINTED,
  type EvidenceBundleBody,
} from './evidence-bundle.query';

const RETRY_AFTER_SECONDS = 5;

@ApiTags('audit')
@ApiBearerAuth()
@Controller('rounds/:roundId/audit/bundle')
export class EvidenceBundleController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      "The round's evidence bundle as a download: events, hashes, the signed checkpoint with inclusion proofs, the public key (auditor, admin, oversight, the agency's operator)",
    operationId: 'getEvidenceBundle',
  })
  @ApiParam({ name: 'roundId', example: 'round-kabcontoh-2024-01' })
  @ApiProduces('application/json')
  @ApiJsonResponse(
    evidenceBundle,
    200,
    'The bundle (Content-Disposition: attachment; filename="<roundId>-evidence.json")',
  )
  @QUERY_RESPONSES
  @problemResponse(
    409,
    `${NOT_CHECKPOINTED}: no signed checkpoint covers the round's last event yet (one was requested; Retry-After)`,
  )
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('roundId', new ZodPipe(roundIdParam, 'round id')) round: RoundRef,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EvidenceBundleBody> {
    try {
      const bundle = await this.queries.execute(new EvidenceBundleQuery(principal, round));
      res.setHeader('content-disposition', `attachment; filename="${round.id}-evidence.json"`);
      return bundle;
    } catch (error) {
      if (error instanceof ProblemException && error.problem.code === NOT_CHECKPOINTED)
        res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
      throw error;
    }
  }
}
