import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { kafkaSecurity, temporalSecurity, type Config } from '@selter/config';
import {
  Client,
  Connection,
  defaultGrpcRetryOptions,
  isRetryableError,
  makeGrpcRetryInterceptor,
} from '@temporalio/client';
import { AesGcmPayloadCodec, loadPayloadKeys } from '@selter/payload-codec';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import postgres, { type Sql } from 'postgres';
import { AdjustableClock, SystemClock } from '../clock/clock';
import { ApiMetrics } from '../metrics/metrics';
import { RotationWorkflows } from '../workflows/rotation-workflows';
import { RoundWorkflows } from '../workflows/round-workflows';
import { GRPC } from '../workflows/temporal-problems';
import { WorkflowPort } from '../workflows/workflow-port';
import { CLOCK, CONFIG, KAFKA_ADMIN, PAYLOAD_CODEC, SQL, TEMPORAL, TEMPORAL_CLIENT } from './tokens';

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
        {
          provide: SQL,
          useFactory: () =>
            postgres(endpoints.databaseUrl, { max: 10, connect_timeout: 5, onnotice: () => undefined }),
        },
        {
          provide: TEMPORAL,
          // RESOURCE_EXHAUSTED (a workflow's in-flight Update limit, a rate limit) is answered at once
          // as 429 with Retry-After instead of retried for up to a minute (ADR 16); the rest as the SDK does.
          useFactory: () =>
            Connection.lazy({
              address: endpoints.temporalAddress,
              ...temporalSecurity(config.temporal),
              interceptors: [
                makeGrpcRetryInterceptor({
                  ...defaultGrpcRetryOptions(),
                  retryableDecider: (attempt, status) =>
                    attempt < 10 && status.code !== GRPC.RESOURCE_EXHAUSTED && isRetryableError(status),
                }),
              ],
            }),
        },
        {
          // The keys that encrypt Temporal payloads (ADR 33): a given file that is missing stops the boot.
          provide: PAYLOAD_CODEC,
          useFactory: async () =>
            new AesGcmPayloadCodec(
              await loadPayloadKeys(config.temporal.payloadKeys.file, {
                createIfMissing: config.temporal.payloadKeys.createIfMissing,
              }),
            ),
        },
        {
          provide: TEMPORAL_CLIENT,
          inject: [TEMPORAL, PAYLOAD_CODEC],
          useFactory: (connection: Connection, codec: AesGcmPayloadCodec) =>
            new Client({
              connection,
              namespace: config.temporal.namespace,
              dataConverter: { payloadCodecs: [codec] },
            }),
        },
        {
          provide: CLOCK,
          useFactory: () => (config.api.clock === 'adjustable' ? new AdjustableClock() : new SystemClock()),
        },
        ApiMetrics,
        WorkflowPort,
        RoundWorkflows,
        RotationWorkflows,
        {
          provide: KAFKA_ADMIN,
          useFactory: () =>
            endpoints.kafkaBrokers
              ? new Kafka({
                  clientId: `${config.kafka.clientId}-api`,
                  brokers: endpoints.kafkaBrokers,
                  ...kafkaSecurity(config.kafka),
                  logLevel: logLevel.NOTHING,
                  retry: { retries: 1 },
                }).admin()
              : null,
        },
      ],
      exports: [
        CONFIG,
        SQL,
        TEMPORAL,
        TEMPORAL_CLIENT,
        PAYLOAD_CODEC,
        CLOCK,
        KAFKA_ADMIN,
        ApiMetrics,
        WorkflowPort,
        RoundWorkflows,
        RotationWorkflows,
      ],
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
