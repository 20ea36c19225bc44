import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { z } from 'zod';
import { Public } from '../auth/public.decorator';
import { ApiJsonResponse, responseSchema } from '../validation/response-schema';
import { EngineHealthIndicators } from './engine-health.indicators';

const liveness = responseSchema('Liveness', z.object({ status: z.literal('ok') }));

@ApiTags('health')
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly engines: EngineHealthIndicators,
  ) {}

  /** Readiness: every engine and the worker, 503 with details when one is down. */
  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness of PostgreSQL, Temporal, its worker, and Kafka' })
  ready() {
    return this.health.check([
      () => this.engines.postgres(),
      () => this.engines.temporal(),
      () => this.engines.worker(),
      () => this.engines.kafka(),
    ]);
  }

  /** Liveness: the process answers. */
  @Get('live')
  @ApiOperation({ summary: 'Liveness of the API process' })
  @ApiJsonResponse(liveness)
  live(): z.infer<typeof liveness> {
    return { status: 'ok' };
  }
}
