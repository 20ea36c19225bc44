import type { Sql } from 'postgres';

export const APPENDS_CHANNEL = 'selter_events';
const WINDOW_MS = 10;
const pending = new WeakSet<Sql>();

/**
 * Wakes listeners after appends committed: at most one NOTIFY per 10 ms per client, sent outside
 * the appending transaction. (A NOTIFY inside each append serialises commits on a global lock.)
 * Best effort: a lost wake-up only delays a reader until its next poll.
 */
export function notifyAppended(sql: Sql): void {
  if (pending.has(sql)) return;
  pending.add(sql);
  setTimeout(() => {
    pending.delete(sql);
    sql`select pg_notify(${APPENDS_CHANNEL}, '')`.catch(() => undefined);
  }, WINDOW_MS).unref();
}

/** Where a reader asks the checkpointer (the backbone) for a checkpoint now rather than at its next tick. */
export const CHECKPOINT_REQUESTS_CHANNEL = 'selter_checkpoint_requests';

/** Asks for a checkpoint soon: best effort (nobody may listen); the checkpointer coalesces and paces requests. */
export async function requestCheckpoint(sql: Sql): Promise<void> {
  await sql`select pg_notify(${CHECKPOINT_REQUESTS_CHANNEL}, '')`;
}
