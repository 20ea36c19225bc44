import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ListRulesController } from './list-rules/list-rules.http.controller';
import { ListRulesHandler } from './list-rules/list-rules.handler';

/** The domain's rule catalogue, read-only and public. */
@Module({ imports: [CqrsModule], controllers: [ListRulesController], providers: [ListRulesHandler] })
export class RulesModule {}
