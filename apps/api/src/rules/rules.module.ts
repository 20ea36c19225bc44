import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ListAssessmentCentresController } from './list-assessment-centres/list-assessment-centres.http.controller';
import { ListAssessmentCentresHandler } from './list-assessment-centres/list-assessment-centres.handler';
import { ListOversightBodiesController } from './list-oversight-bodies/list-oversight-bodies.http.controller';
import { ListOversightBodiesHandler } from './list-oversight-bodies/list-oversight-bodies.handler';
import { ListPoliciesController } from './list-policies/list-policies.http.controller';
import { ListPoliciesHandler } from './list-policies/list-policies.handler';
import { ListRulesController } from './list-rules/list-rules.http.controller';
import { ListRulesHandler } from './list-rules/list-rules.handler';

/** The domain's rule catalogue, policy versions, oversight bodies and accredited assessment centres, read-only and public. */
@Module({
  imports: [CqrsModule],
  controllers: [
    ListRulesController,
    ListPoliciesController,
    ListOversightBodiesController,
    ListAssessmentCentresController,
  ],
  providers: [
    ListRulesHandler,
    ListPoliciesHandler,
    ListOversightBodiesHandler,
    ListAssessmentCentresHandler,
  ],
})
export class RulesModule {}
