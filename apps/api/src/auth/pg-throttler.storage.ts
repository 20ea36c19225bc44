import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Sql } from 'postgres';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

const OPEN: ThrottlerStorageRecord = {
  totalHits: 0,
  timeToExpire: 0,
  isBlocked: false,
  timeToBlockExpire: 0,
};
const TIMEOUT_MS = 1_000;

/**
 * Rate-limit counters in PostgreSQL (table api_rate_limits), so every API instance counts the
 * same client against one limit (ADR 21). Fixed windows, one upsert per request. If the database
 * does not answer within a second the request passes (logged): a limiter must never hang the API.
 */
export class PgThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimit');
  private calls = 0;

  constructor(private readonly sql: Sql) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const id = createHash('sha256').update(`${throttlerName}:${key}`).digest('base64url');
    try {
      if (++this.calls % 1_000 === 0) void this.purge();
      const row = await withTimeout(this.hit(id, ttl));
      const timeToExpire = Math.max(1, Math.ceil(row.remaining_ms / 1000));
      const isBlocked = row.hits > limit;
      return {
        totalHits: row.hits,
        timeToExpire,
        isBlocked,
        timeToBlockExpire: isBlocked ? timeToExpire : 0,
      };
    } catch (error) {
      this.logger.warn(
        { err: error instanceof Error ? error.message : String(error) },
        'rate limit store unavailable; request let through',
      );
      return OPEN;
    }
  }

  private async hit(id: string, ttlMs: number): Promise<{ hits: number; remaining_ms: number }> {
    const window = `${ttlMs} milliseconds`;
    const [row] = await this.sql<{ hits: number; remaining_ms: number }[]>`
      insert into api_rate_limits as r (key, window_start, hits) values (${id}, now(), 1)
      on conflict (key) do update set
        window_start = case when r.window_start + ${window}::interval <= now() then now() else r.window_start end,
        hits = case when r.window_start + ${window}::interval <= now() then 1 else r.hits + 1 end
      returning hits, greatest(0, extract(epoch from (window_start + ${window}::interval - now())) * 1000)::int as remaining_ms`;
    if (!row) throw new Error('no counter row');
    return row;
  }

  private async purge(): Promise<void> {
    await this.sql`delete from api_rate_limits where window_start < now() - interval '1 day'`.catch(
      () => undefined,
    );
  }
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), TIMEOUT_MS)),
  );
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
