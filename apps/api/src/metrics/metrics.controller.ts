import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Config } from '@selter/config';
import { assertOperations } from '../auth/operations-access';
import { OptionalPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Public } from '../auth/public.decorator';
import { CONFIG } from '../infrastructure/tokens';
import { ApiMetrics } from './metrics';

/** Prometheus scrape endpoint: open for local tools, an operations token in production (ADR 21). */
@ApiExcludeController()
@Public()
@SkipThrottle({ default: true })
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: ApiMetrics,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(@OptionalPrincipal() principal: Principal | undefined): Promise<string> {
    assertOperations(this.config, principal);
    return this.metrics.registry.metrics();
  }
}
