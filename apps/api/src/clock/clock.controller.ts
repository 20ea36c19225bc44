import { Body, Controller, Get, HttpCode, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { time } from '@selter/domain';
import { z } from 'zod';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { CLOCK } from '../infrastructure/tokens';
import { forbidden } from '../problem/problems';
import { ApiJsonResponse, responseSchema } from '../validation/response-schema';
import { openApiSchema, ZodPipe } from '../validation/zod.pipe';
import { AdjustableClock, nowInstant, type Clock } from './clock';

const setClock = z.strictObject({
  now: z.string().refine((v) => {
    try {
      time.instantMillis(v);
      return true;
    } catch {
      return false;
    }
  }, 'expected an ISO-8601 instant with offset, e.g. 2024-09-25T09:00:00+07:00'),
});

const clockReading = responseSchema(
  'ClockReading',
  z.object({ now: z.string().describe('ISO-8601 instant'), adjustable: z.boolean() }),
);
type ClockReading = z.infer<typeof clockReading>;

/** The API's clock; setting it exists only with API_CLOCK=adjustable (never in production). */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/clock')
export class ClockController {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @Get()
  @ApiOperation({ summary: 'The instant the API decides with (admin)', operationId: 'getClock' })
  @ApiJsonResponse(clockReading)
  get(@CurrentPrincipal() principal: Principal): ClockReading {
    if (principal.role !== 'admin') throw forbidden('only an admin may read the clock');
    return this.reading();
  }

  @Put()
  @HttpCode(200)
  @ApiOperation({ summary: 'Set the clock (admin; only with API_CLOCK=adjustable)', operationId: 'setClock' })
  @ApiBody({ schema: openApiSchema(setClock) })
  @ApiJsonResponse(clockReading)
  set(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodPipe(setClock)) body: z.infer<typeof setClock>,
  ): ClockReading {
    if (principal.role !== 'admin') throw forbidden('only an admin may set the clock');
    if (!(this.clock instanceof AdjustableClock))
      throw forbidden('the clock is not adjustable (API_CLOCK=system)');
    this.clock.set(time.instantMillis(body.now));
    return this.reading();
  }

  private reading(): ClockReading {
    return { now: nowInstant(this.clock), adjustable: this.clock instanceof AdjustableClock };
  }
}
