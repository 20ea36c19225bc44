import type { ReservedSql, Sql } from 'postgres';

/**
 * A session-level advisory lock on a dedicated connection: only its holder publishes. It is
 * released when the holder unlocks, or when its session ends however the process dies, which is
 * when a standby relay takes over. Everything the holder reads and writes goes through this same
 * connection, so a holder whose session is gone cannot move the checkpoint any more.
 */
export interface RelayLock {
  conn: ReservedSql;
  release(): Promise<void>;
}

const lockKey = (name: string) => `selter.relay:${name}`;

/** The lock, or undefined when another relay of the same name holds it. */
export async function tryRelayLock(sql: Sql, name: string): Promise<RelayLock | undefined> {
  const conn = await sql.reserve();
  try {
    const [row] = await conn<
      { locked: boolean }[]
    >`select pg_try_advisory_lock(hashtextextended(${lockKey(name)}, 0)) as locked`;
    if (row?.locked) {
      return {
        conn,
        release: async () => {
          await conn`select pg_advisory_unlock(hashtextextended(${lockKey(name)}, 0))`.catch(() => undefined);
          conn.release();
        },
      };
    }
  } catch (error) {
    conn.release();
    throw error;
  }
  conn.release();
  return undefined;
}
