import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/principal';
import { QUERY_RESPONSES } from '../openapi';
import { ApiJsonResponse } from '../../validation/response-schema';
import { ReadsAfterWrite } from '../read-after/read-after';
import { inbox, InboxQuery, type Inbox } from './inbox.query';

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Decisions waiting on the caller, with time waited against the policy service level',
    operationId: 'getInbox',
  })
  @ApiJsonResponse(inbox)
  @ReadsAfterWrite(false)
  @QUERY_RESPONSES
  get(@CurrentPrincipal() principal: Principal): Promise<Inbox> {
    return this.queries.execute(new InboxQuery(principal));
  }
}
