import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Config } from '@selter/config';
import { Client, Connection } from '@temporalio/client';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import postgres, { type Sql } from 'postgres';
import { AdjustableClock, SystemClock } from '../clock/clock';
import { ApiMetrics } from '../metrics/metrics';
import { CLOCK, CONFIG, KAFKA_ADMIN, SQL, TEMPORAL, TEMPORAL_CLIENT } from './tokens';

/** The endpoints the API needs; `npm start` passes the embedded engines' addresses. */
export interface ApiEndpoints {
  databaseUrl: string;
  temporalAddress: string;
  kafkaBrokers?: string[];
}

/**
 * Owns the process-wide connections to PostgreSQL, Temporal and Kafka, created once at boot
 * and closed on shutdown, the clock decisions are stamped with, and the metrics registry.
 * Temporal's connection is lazy so the API starts (and reports the engine as down) even while
 * Temporal is still coming up.
 */
@Global()
@Module({})
export class InfrastructureModule implements OnApplicationShutdown {
  static forRoot(config: Config, endpoints: ApiEndpoints): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: SQL, useFactory: () => postgres(endpoints.databaseUrl, { max: 10, connect_timeout: 5, onnotice: () => undefined }) },
        { provide: TEMPORAL, useFactory: () => Connection.lazy({ address: endpoints.temporalAddress }) },
        { provide: TEMPORAL_CLIENT, inject: [TEMPORAL], useFactory: (connection: Connection) => new Client({ connection, namespace: config.temporal.namespace }) },
        { provide: CLOCK, useFactory: () => (config.api.clock === 'adjustable' ? new AdjustableClock() : new SystemClock()) },
        ApiMetrics,
        {
          provide: KAFKA_ADMIN,
          useFactory: () =>
            endpoints.kafkaBrokers
              ? new Kafka({ clientId: `${config.kafka.clientId}-api`, brokers: endpoints.kafkaBrokers, logLevel: logLevel.NOTHING, retry: { retries: 1 } }).admin()
              : null,
        },
      ],
      exports: [CONFIG, SQL, TEMPORAL, TEMPORAL_CLIENT, CLOCK, KAFKA_ADMIN, ApiMetrics],
    };
  }

  constructor(
    @Inject(SQL) private readonly sql: Sql,
    @Inject(TEMPORAL) private readonly temporal: Connection,
    @Inject(KAFKA_ADMIN) private readonly kafka: Admin | null,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.sql.end({ timeout: 5 }), this.temporal.close(), this.kafka?.disconnect()]);
  }
}
