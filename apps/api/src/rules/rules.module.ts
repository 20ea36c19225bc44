import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ListOversightBodiesController } from './list-oversight-bodies/list-oversight-bodies.http.controller';
import { ListOversightBodiesHandler } from './list-oversight-bodies/list-oversight-bodies.handler';
import { ListPoliciesController } from './list-policies/list-policies.http.controller';
import { ListPoliciesHandler } from './list-policies/list-policies.handler';
import { ListRulesController } from './list-rules/list-rules.http.controller';
import { ListRulesHandler } from './list-rules/list-rules.handler';

/** The domain's rule catalogue, policy versions and oversight bodies, read-only and public. */
@Module({
  imports: [CqrsModule],
  controllers: [ListRulesController, ListPoliciesController, ListOversightBodiesController],
  providers: [ListRulesHandler, ListPoliciesHandler, ListOversightBodiesHandler],
})
export class RulesModule {}
