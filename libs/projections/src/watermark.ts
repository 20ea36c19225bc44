import type { Sql } from 'postgres';

/**
 * Where the projection runner says, after a batch committed, that the read models moved on
 * (read-your-writes waiters listen here; ADR 23). Best effort: a waiter also re-reads on a slow
 * timer, since a notification can be lost.
 */
export const PROJECTED_CHANNEL = 'selter_projected';

/**
 * Wakes the listeners of PROJECTED_CHANNEL, outside the batch's transaction (a NOTIFY inside it
 * would take PostgreSQL's global notify lock at commit, beside the appenders' commits).
 */
export async function notifyProjected(sql: Sql): Promise<void> {
  await sql`select pg_notify(${PROJECTED_CHANNEL}, '')`;
}

/**
 * For each stream, the highest version that every one of `models` has projected: the last
 * event of the stream at or before the lowest of their checkpoints (0 when none, or when a model
 * has no checkpoint yet). One query for any number of streams.
 */
export async function projectedVersions(
  sql: Sql,
  models: readonly string[],
  streamIds: readonly string[],
): Promise<Map<string, number>> {
  if (streamIds.length === 0) return new Map();
  const rows = await sql<{ stream_id: string; version: number }[]>`
    with cp as (
      select transaction_id, global_position from projection_checkpoints where name = any(${models as string[]}::text[])
      union all
      select '0'::xid8, 0::bigint
      where (select count(*) from projection_checkpoints where name = any(${models as string[]}::text[])) < ${models.length}
      order by 1, 2 limit 1
    )
    select s.stream_id, coalesce((
      select max(e.stream_version) from events e, cp
      where e.stream_id = s.stream_id and (e.transaction_id, e.global_position) <= (cp.transaction_id, cp.global_position)
    ), 0)::int as version
    from unnest(${streamIds as string[]}::text[]) as s(stream_id)`;
  return new Map(rows.map((r) => [r.stream_id, r.version]));
}
