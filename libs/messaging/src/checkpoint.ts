import type { ReservedSql } from 'postgres';
import type { LogPosition } from '@selter/event-store';

export async function readRelayCheckpoint(conn: ReservedSql, name: string): Promise<LogPosition> {
  await conn`insert into relay_checkpoints (name) values (${name}) on conflict (name) do nothing`;
  const [row] = await conn<{ tx: string; gp: string }[]>`
    select transaction_id::text as tx, global_position::text as gp from relay_checkpoints where name = ${name}`;
  return { transactionId: BigInt(row?.tx ?? '0'), globalPosition: BigInt(row?.gp ?? '0') };
}

/** Called only after the broker acknowledged every event up to `at`. */
export async function saveRelayCheckpoint(conn: ReservedSql, name: string, at: LogPosition): Promise<void> {
  await conn`
    update relay_checkpoints
    set transaction_id = ${at.transactionId.toString()}::xid8, global_position = ${at.globalPosition.toString()}, updated_at = now()
    where name = ${name}`;
}
