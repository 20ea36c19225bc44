import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Sql } from 'postgres';
import { SQL } from '../infrastructure/tokens';
import type { RefusalRecord as SecurityEvent } from '../problem/problem-details.filter';

const MAX_QUEUED = 10_000;
const BATCH = 500;
const FLUSH_MS = 500;

/**
 * Records every authentication and authorisation refusal in the append-only `security_events`
 * table (ADR 21). A refusal never waits for it: events queue (bounded; beyond it they are counted
 * and dropped) and are written in batches; if the table cannot be reached the batch is logged and
 * dropped, and the API goes on.
 */
@Injectable()
export class SecurityEvents implements OnApplicationShutdown {
  private readonly logger = new Logger('SecurityEvents');
  private queue: SecurityEvent[] = [];
  private dropped = 0;
  private writing: Promise<void> | undefined;
  private readonly timer = setInterval(() => void this.flush(), FLUSH_MS).unref();

  constructor(@Inject(SQL) private readonly sql: Sql) {}

  record(event: SecurityEvent): void {
    if (this.queue.length >= MAX_QUEUED) this.dropped++;
    else this.queue.push(event);
  }

  /** Writes what is queued (one batch at a time); resolves when it is written or given up. */
  async flush(): Promise<void> {
    if (this.writing) return this.writing;
    const batch = this.queue.splice(0, BATCH);
    if (!batch.length) return;
    this.writing = this.write(batch).finally(() => (this.writing = undefined));
    return this.writing;
  }

  private async write(batch: SecurityEvent[]): Promise<void> {
    const rows = batch.map((e) => ({
      at: e.at,
      principal: e.principal,
      role: e.role,
      method: e.method,
      route: e.route,
      status: e.status,
      code: e.code,
      request_id: e.requestId,
      client: e.client,
    }));
    try {
      await this
        .sql`insert into security_events ${this.sql(rows, 'at', 'principal', 'role', 'method', 'route', 'status', 'code', 'request_id', 'client')}`;
    } catch (error) {
      this.logger.warn(
        { err: error instanceof Error ? error.message : String(error), lost: batch.length },
        'security events not recorded',
      );
    }
    if (this.dropped) {
      this.logger.warn({ lost: this.dropped }, 'security events dropped: queue full');
      this.dropped = 0;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    while (this.queue.length) await this.flush();
  }
}
