import type { Sql, TransactionSql } from 'postgres';
import type { SelterCloudEvent } from './envelope';

export type DedupeOutcome<T> = { duplicate: true } | { duplicate: false; result: T };

/**
 * Wraps a consumer's handler so each event id takes effect once: the id goes into
 * `consumer_inbox` in the same transaction as the handler's own writes (done through `tx`).
 * A redelivered event finds its id and is dropped; a handler that throws leaves no id behind,
 * so the redelivery is handled again.
 */
export function createDeduplicatingHandler<T>(
  sql: Sql,
  consumer: string,
  handle: (event: SelterCloudEvent, tx: TransactionSql) => Promise<T>,
): (event: SelterCloudEvent) => Promise<DedupeOutcome<T>> {
  return (event) =>
    sql.begin(async (tx): Promise<DedupeOutcome<T>> => {
      const inserted = await tx`
        insert into consumer_inbox (consumer, event_id) values (${consumer}, ${event.id}) on conflict do nothing returning event_id`;
      if (inserted.length === 0) return { duplicate: true };
      return { duplicate: false, result: await handle(event, tx) };
    });
}
