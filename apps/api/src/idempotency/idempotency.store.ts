import { Inject, Injectable } from '@nestjs/common';
import type { Sql } from 'postgres';
import { SQL } from '../infrastructure/tokens';

export type Claim =
  | { kind: 'new' }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'mismatch' }
  | { kind: 'in-flight' };

/** A pending claim older than this is a request that died mid-way: the key may be claimed again. */
const ABANDONED_AFTER = '2 minutes';
const KEPT_FOR = '24 hours';

/** Idempotency keys and their stored responses in PostgreSQL (table api_idempotency, ADR 12). */
@Injectable()
export class IdempotencyStore {
  constructor(@Inject(SQL) private readonly sql: Sql) {}

  async claim(principal: string, key: string, requestHash: string): Promise<Claim> {
    await this.sql`
      delete from api_idempotency where principal = ${principal} and key = ${key}
        and (created_at < now() - ${KEPT_FOR}::interval or (state = 'pending' and created_at < now() - ${ABANDONED_AFTER}::interval))`;
    const inserted = await this.sql`
      insert into api_idempotency (principal, key, request_hash, state) values (${principal}, ${key}, ${requestHash}, 'pending')
      on conflict do nothing returning 1`;
    if (inserted.length) return { kind: 'new' };
    const [row] = await this.sql<
      { request_hash: string; state: string; status: number | null; body: unknown }[]
    >`
      select request_hash, state, status, body from api_idempotency where principal = ${principal} and key = ${key}`;
    if (!row) return this.claim(principal, key, requestHash);
    if (row.request_hash !== requestHash) return { kind: 'mismatch' };
    if (row.state === 'pending') return { kind: 'in-flight' };
    return { kind: 'replay', status: row.status ?? 200, body: row.body };
  }

  async complete(principal: string, key: string, status: number, body: unknown): Promise<void> {
    await this
      .sql`update api_idempotency set state = 'done', status = ${status}, body = ${this.sql.json(body as never)} where principal = ${principal} and key = ${key}`;
  }

  /** Forgets a claim whose request failed for a reason a retry may not meet again (an outage, a bug). */
  async release(principal: string, key: string): Promise<void> {
    await this
      .sql`delete from api_idempotency where principal = ${principal} and key = ${key} and state = 'pending'`;
  }

  /** Drops responses older than 24 hours. */
  async purge(): Promise<number> {
    return (await this.sql`delete from api_idempotency where created_at < now() - ${KEPT_FOR}::interval`)
      .count;
  }
}
