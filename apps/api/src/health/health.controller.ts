import { Controller, Get, HttpException, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import type { Config } from '@selter/config';
import { z } from 'zod';
import { OptionalPrincipal } from '../auth/current-principal.decorator';
import { isOperations } from '../auth/operations-access';
import type { Principal } from '../auth/principal';
import { Public } from '../auth/public.decorator';
import { CONFIG } from '../infrastructure/tokens';
import { ProblemException } from '../problem/problem-details.filter';
import { ApiJsonResponse, responseSchema } from '../validation/response-schema';
import { EngineHealthIndicators } from './engine-health.indicators';

const liveness = responseSchema('Liveness', z.object({ status: z.literal('ok') }));

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly engines: EngineHealthIndicators,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /**
   * Readiness: every engine and the worker, 503 when one is down. Engine versions and broker
   * addresses go only to operations staff in production (ADR 21); others see the status alone.
   * Rate-limited per client address, across instances: each call queries every engine.
   */
  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness of PostgreSQL, Temporal, its worker, and Kafka' })
  async ready(
    @OptionalPrincipal() principal: Principal | undefined,
  ): Promise<HealthCheckResult | { status: string }> {
    const details = this.config.env !== 'production' || isOperations(principal);
    try {
      const result = await this.check();
      return details ? result : { status: result.status };
    } catch (error) {
      if (details || !(error instanceof HttpException)) throw error;
      throw new ProblemException({
        status: 503,
        code: 'HEALTH.NOT_READY',
        detail: 'The service is not ready.',
        retryAfter: 5,
      });
    }
  }

  private check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.engines.postgres(),
      () => this.engines.temporal(),
      () => this.engines.worker(),
      () => this.engines.kafka(),
    ]);
  }

  /** Liveness: the process answers (never throttled: orchestrators poll it). */
  @Get('live')
  @SkipThrottle({ default: true, unauthenticated: true })
  @ApiOperation({ summary: 'Liveness of the API process' })
  @ApiJsonResponse(liveness)
  live(): z.infer<typeof liveness> {
    return { status: 'ok' };
  }
}
