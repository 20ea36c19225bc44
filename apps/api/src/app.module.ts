import { randomUUID } from 'node:crypto';
import { Module, type DynamicModule, type ExecutionContext } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Sql } from 'postgres';
import type { Config } from '@selter/config';
import { errorSerializer, type Logger } from '@selter/logging';
import { LoggerModule } from 'nestjs-pino';
import { AuthGuard } from './auth/auth.guard';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CodecModule } from './codec/codec.module';
import { CalendarModule } from './calendar/calendar.module';
import { PgThrottlerStorage } from './auth/pg-throttler.storage';
import { PrincipalThrottlerGuard } from './auth/principal-throttler.guard';
import { ClockController } from './clock/clock.controller';
import { ConsoleModule } from './console/console.module';
import { HealthModule } from './health/health.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { InfrastructureModule, type ApiEndpoints } from './infrastructure/infrastructure.module';
import { SQL } from './infrastructure/tokens';
import { MetricsController } from './metrics/metrics.controller';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { RotationsModule } from './rotations/rotations.module';
import { RoundsModule } from './rounds/rounds.module';
import { RulesModule } from './rules/rules.module';

const hasPrincipal = (context: ExecutionContext): boolean =>
  context.switchToHttp().getRequest<{ principal?: unknown }>().principal !== undefined;
const quiet = (url: string | undefined): boolean => /^\/(health|metrics)/.test(url ?? '');

@Module({})
export class AppModule {
  static forRoot(config: Config, endpoints: ApiEndpoints, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger,
            // The request id is echoed back and becomes the correlation id of what the request causes.
            genReqId: (req, res) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            // Never log credentials.
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            // Errors without the values they were about (applicants' names): ids only (ADR 21).
            serializers: { err: errorSerializer },
            autoLogging: { ignore: (req) => quiet(req.url) },
          },
        }),
        InfrastructureModule.forRoot(config, endpoints),
        // Counters in PostgreSQL, shared by every instance (ADR 21); `unauthenticated` adds a tighter
        // limit per address for public routes (/health, the dev issuer) called without a token.
        ThrottlerModule.forRootAsync({
          inject: [SQL],
          useFactory: (sql: Sql) => ({
            storage: new PgThrottlerStorage(sql),
            throttlers: [
              { name: 'default', ttl: 60_000, limit: config.api.rateLimitPerMinute },
              {
                name: 'unauthenticated',
                ttl: 60_000,
                limit: config.api.anonRateLimitPerMinute,
                skipIf: (context) => hasPrincipal(context),
              },
            ],
          }),
        }),
        AuthModule.forRoot(config),
        HealthModule,
        IdempotencyModule,
        RoundsModule,
        RotationsModule,
        AuditModule,
        RulesModule,
        CalendarModule,
        CodecModule,
        ConsoleModule,
      ],
      controllers: [MetricsController, ClockController],
      providers: [
        // Authentication first, so rate limits count per principal.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: PrincipalThrottlerGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
