import { randomUUID } from 'node:crypto';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { Config } from '@selter/config';
import type { Logger } from '@selter/logging';
import { LoggerModule } from 'nestjs-pino';
import { HealthModule } from './health/health.module';
import { InfrastructureModule, type ApiEndpoints } from './infrastructure/infrastructure.module';
import { ProblemDetailsFilter } from './problem/problem-details.filter';

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
            autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
          },
        }),
        InfrastructureModule.forRoot(config, endpoints),
        HealthModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}
