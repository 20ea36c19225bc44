import type { Sql, TransactionSql } from 'postgres';
import { LOG_START, type LogPosition } from '@selter/event-store';

type Db = Sql | TransactionSql;

/** Creates the missing checkpoint rows (at the start of the log). */
export async function ensureCheckpoints(db: Db, names: readonly string[]): Promise<void> {
  await db`insert into projection_checkpoints (name) select unnest(${names as string[]}::text[]) on conflict (name) do nothing`;
}

/**
 * Takes the projections' locks for the rest of the transaction, in name order (no deadlock), and
 * reads their checkpoints. A second runner of the same projection waits here and then sees the
 * checkpoint the first one committed, so no batch is applied twice. Advisory locks, not
 * `for update`: a row lock would give this transaction an xid before it reads the log, and the
 * committed reader would then stop at our own transaction.
 */
export async function lockCheckpoints(
  tx: TransactionSql,
  names: readonly string[],
): Promise<Map<string, LogPosition>> {
  const sorted = [...names].sort();
  await tx`select pg_advisory_xact_lock(hashtextextended('selter.projection:' || n, 0)) from unnest(${sorted}::text[]) with ordinality as u(n, i) order by i`;
  const rows = await tx<{ name: string; transaction_id: string; global_position: string }[]>`
    select name, transaction_id::text, global_position::text from projection_checkpoints where name = any(${sorted}::text[])`;
  const found = new Map(
    rows.map((r) => [
      r.name,
      { transactionId: BigInt(r.transaction_id), globalPosition: BigInt(r.global_position) },
    ]),
  );
  return new Map(sorted.map((n) => [n, found.get(n) ?? LOG_START]));
}

/** Moves the checkpoints, in the transaction that wrote the rows they cover. */
export async function saveCheckpoints(
  tx: TransactionSql,
  names: readonly string[],
  at: LogPosition,
): Promise<void> {
  await tx`
    insert into projection_checkpoints (name, transaction_id, global_position)
    select unnest(${names as string[]}::text[]), ${at.transactionId.toString()}::xid8, ${at.globalPosition.toString()}::bigint
    on conflict (name) do update
      set transaction_id = excluded.transaction_id, global_position = excluded.global_position, updated_at = now()`;
}

/** Strictly after, in committed order. */
export const isAfter = (p: LogPosition, than: LogPosition): boolean =>
  p.transactionId > than.transactionId ||
  (p.transactionId === than.transactionId && p.globalPosition > than.globalPosition);

export const minPosition = (positions: Iterable<LogPosition>): LogPosition => {
  let min: LogPosition | undefined;
  for (const p of positions) if (!min || isAfter(min, p)) min = p;
  return min ?? LOG_START;
};
