import { createRotationActivities, createRoundActivities } from '@selter/activities';
import { assertDurable, EVENT_STORE_MIGRATIONS, loadMigrations, migrate } from '@selter/event-store';
import postgres from 'postgres';

/** The worker's activities over real dependencies, and how to release them after the worker stops. */
export interface WiredActivities {
  activities: Record<string, (...args: never[]) => Promise<unknown>>;
  close(): Promise<void>;
}

/**
 * Connects to the event store, refuses one that may lose an acknowledged commit in a crash
 * (NotDurableError), applies its migrations (idempotent, checksummed) so a fresh database works
 * on first start, and builds every activity factory over that connection.
 */
export async function wireActivities(databaseUrl: string): Promise<WiredActivities> {
  const sql = postgres(databaseUrl, { max: 10, connect_timeout: 5, onnotice: () => undefined });
  try {
    await assertDurable(sql);
  } catch (error) {
    await sql.end({ timeout: 1 });
    throw error;
  }
  await migrate(sql, loadMigrations('event-store', EVENT_STORE_MIGRATIONS));
  const round = createRoundActivities({ sql });
  const rotation = createRotationActivities({ sql });
  return { activities: { ...round, ...rotation }, close: () => sql.end({ timeout: 5 }) };
}
