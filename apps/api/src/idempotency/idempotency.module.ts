import { join } from 'node:path';
import { Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { loadMigrations, migrate } from '@selter/event-store';
import type { Sql } from 'postgres';
import { SQL } from '../infrastructure/tokens';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyStore } from './idempotency.store';

/** The API's own tables (apps/api/migrations), applied at boot like the other services' migrations. */
export const API_MIGRATIONS = join(__dirname, '..', '..', 'migrations');

@Module({ providers: [IdempotencyStore, { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }] })
export class IdempotencyModule implements OnModuleInit, OnApplicationShutdown {
  private purge: NodeJS.Timeout | undefined;

  constructor(
    @Inject(SQL) private readonly sql: Sql,
    private readonly store: IdempotencyStore,
  ) {}

  async onModuleInit(): Promise<void> {
    await migrate(this.sql, loadMigrations('api', API_MIGRATIONS));
    this.purge = setInterval(() => void this.store.purge().catch(() => undefined), 3_600_000).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.purge);
  }
}
