import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ListPoliciesController } from './list-policies/list-policies.http.controller';
import { ListPoliciesHandler } from './list-policies/list-policies.handler';
import { ListRulesController } from './list-rules/list-rules.http.controller';
import { ListRulesHandler } from './list-rules/list-rules.handler';

/** The domain's rule catalogue and policy versions, read-only and public. */
@Module({
  imports: [CqrsModule],
  controllers: [ListRulesController, ListPoliciesController],
  providers: [ListRulesHandler, ListPoliciesHandler],
})
export class RulesModule {}
