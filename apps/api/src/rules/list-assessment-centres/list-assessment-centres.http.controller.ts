import { Controller, Get, Header } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/public.decorator';
import { ApiJsonResponse } from '../../validation/response-schema';
import {
  assessmentCentresView,
  ListAssessmentCentresQuery,
  type AssessmentCentresView,
} from './list-assessment-centres.query';

/** The accredited assessment centres a plan may name (R12), without signing in; data of the release. */
@ApiTags('rules')
@Public()
@Controller('assessment-centres')
export class ListAssessmentCentresController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({
    summary: 'The accredited assessment centres (R12) with the period and source of each accreditation',
    operationId: 'listAssessmentCentres',
  })
  @ApiJsonResponse(assessmentCentresView, 200, 'Every centre of the list, current and past')
  list(): Promise<AssessmentCentresView> {
    return this.queries.execute(new ListAssessmentCentresQuery());
  }
}
