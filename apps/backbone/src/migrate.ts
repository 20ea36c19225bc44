import { join } from 'node:path';
import { loadConfigOrExit } from '@selter/config';
import {
  assertDurable,
  exitIfNotDurable,
  loadMigrations,
  migrate,
  type Migration,
} from '@selter/event-store';
import { createLogger } from '@selter/logging';
import postgres from 'postgres';
import { allMigrations } from './backbone';

/**
 * The API's own tables (apps/api/migrations), found by path: an app does not import another app.
 * The API checks at start that these were applied (its idempotency module).
 */
const API_MIGRATIONS = join(__dirname, '..', '..', 'api', 'migrations');

/** Every migration of every service, in dependency order: what the migrate step applies. */
const everyMigration = (): Migration[] => [...allMigrations(), ...loadMigrations('api', API_MIGRATIONS)];

/**
 * The migrate step (ADR 0019): applies every service's migrations as the schema owner
 * (DATABASE_OWNER_URL; DATABASE_URL when only that is set), then exits. It runs before the services,
 * which connect as `selter_app` and only check that the schema is up to date.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = createLogger({ component: 'migrate', level: config.log.level, format: config.log.format });
  const url = config.external.databaseOwnerUrl ?? config.external.databaseUrl;
  if (!url) {
    log.fatal('DATABASE_OWNER_URL (or DATABASE_URL) is required for the migrate step');
    process.exit(78);
  }
  const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => undefined });
  try {
    await assertDurable(sql).catch((error: unknown) => exitIfNotDurable(error, log));
    const applied = await migrate(sql, everyMigration());
    log.info({ applied }, applied.length ? `${applied.length} migration(s) applied` : 'schema up to date');
  } finally {
    await sql.end({ timeout: 5 });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`migrate failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
