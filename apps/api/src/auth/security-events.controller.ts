import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Sql } from 'postgres';
import { z } from 'zod';
import { SQL } from '../infrastructure/tokens';
import { forbidden } from '../problem/problems';
import { ApiJsonResponse, responseSchema } from '../validation/response-schema';
import { ZodPipe } from '../validation/zod.pipe';
import { CurrentPrincipal } from './current-principal.decorator';
import type { Principal } from './principal';

const page = z.strictObject({
  after: z.coerce.number().int().min(0).default(0).describe('the last id of the previous page'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const securityEvent = z.object({
  id: z.number(),
  at: z.string(),
  principal: z.string().nullable(),
  role: z.string().nullable(),
  method: z.string(),
  route: z.string(),
  status: z.number(),
  code: z.string(),
  requestId: z.string().nullable(),
  client: z.string().nullable(),
});
const securityEventPage = responseSchema(
  'SecurityEventPage',
  z.object({ items: z.array(securityEvent), next: z.number().nullable() }),
);
type SecurityEventPage = z.infer<typeof securityEventPage>;

/** The durable record of refused requests (ADR 21): for the admin and the national auditor, oldest first. */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/security-events')
export class SecurityEventsController {
  constructor(@Inject(SQL) private readonly sql: Sql) {}

  @Get()
  @ApiOperation({
    summary: 'Refused requests (401/403), paginated by id (admin, national auditor)',
    operationId: 'listSecurityEvents',
  })
  @ApiJsonResponse(securityEventPage)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodPipe(page, 'query')) query: z.infer<typeof page>,
  ): Promise<SecurityEventPage> {
    if (principal.role !== 'admin' && !(principal.role === 'auditor' && !principal.agency)) {
      throw forbidden('only an admin or the national auditor may read security events');
    }
    const rows = await this.sql<
      Array<
        Omit<SecurityEventPage['items'][number], 'id' | 'at' | 'requestId'> & {
          id: string;
          at: Date;
          request_id: string | null;
        }
      >
    >`
      select id, at, principal, role, method, route, status, code, request_id, client
      from security_events where id > ${query.after} order by id limit ${query.limit}`;
    const items = rows.map(({ id, at, request_id, ...rest }) => ({
      ...rest,
      id: Number(id),
      at: at.toISOString(),
      requestId: request_id,
    }));
    return { items, next: items.length === query.limit ? (items.at(-1)?.id ?? null) : null };
  }
}
