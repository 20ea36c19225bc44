import type { Sql } from 'postgres';

/**
 * The settings that decide whether a commit PostgreSQL acknowledged survives a crash, and the
 * one value of each that breaks that promise (issue 13's reliability case R25; not the domain's
 * rule R25). An acknowledged decision is the audit record, so losing it is never acceptable:
 * - `fsync=off`: writes are never forced to disk; an OS crash or power cut can lose committed
 *   transactions or corrupt the whole cluster.
 * - `full_page_writes=off`: a page torn by a crash mid-write cannot be repaired from the WAL.
 * - `synchronous_commit=off`: the commit is acknowledged before its WAL is flushed, so the last
 *   few hundred milliseconds of acknowledged commits vanish in a server crash. Every other value
 *   (`local`, `remote_write`, `on`, `remote_apply`) waits at least for the local WAL flush; they
 *   differ only in how long they also wait for synchronous standbys, which is about failover, not
 *   about surviving a crash of this server.
 */
const DURABILITY_SETTINGS = ['fsync', 'full_page_writes', 'synchronous_commit'] as const;
export type DurabilitySettingName = (typeof DURABILITY_SETTINGS)[number];

/** One setting as this connection sees it, and where PostgreSQL says it was set (`pg_settings.source`). */
export interface DurabilitySetting {
  name: DurabilitySettingName;
  value: string;
  source: string;
}

/** A database a service must not start on; `message` is one line naming the problem and the fix. */
export abstract class DatabaseRefusedError extends Error {}

/** The event database acknowledges commits it may lose in a crash; `message` is one line naming each unsafe setting. */
export class NotDurableError extends DatabaseRefusedError {
  override readonly name = 'NotDurableError';
  readonly code = 'EVENT_STORE.NOT_DURABLE';
  constructor(readonly unsafe: readonly DurabilitySetting[]) {
    const named = unsafe.map((s) => `${s.name}=${s.value} (set by ${s.source})`).join(', ');
    const fix = unsafe.map((s) => `${s.name}=on`).join(', ');
    super(
      `event database is not durable: ${named}; an acknowledged decision must survive a crash: set ${fix}`,
    );
  }
}

/**
 * Reads the durability settings as this connection sees them: server-wide ones (`fsync`,
 * `full_page_writes`) and `synchronous_commit` with any database, role or connection override.
 */
export async function readDurability(sql: Sql): Promise<DurabilitySetting[]> {
  const rows = await sql<DurabilitySetting[]>`
    select name, setting as value, source from pg_settings where name in ${sql([...DURABILITY_SETTINGS])} order by name`;
  const missing = DURABILITY_SETTINGS.filter((name) => !rows.some((row) => row.name === name));
  // pg_settings hides settings a role may not read; these three are readable by any role.
  if (missing.length > 0) throw new Error(`cannot read the event database's ${missing.join(', ')}`);
  return rows;
}

/** Throws NotDurableError when the event database may lose an acknowledged commit in a crash. */
export async function assertDurable(sql: Sql): Promise<void> {
  const unsafe = (await readDurability(sql)).filter((s) => s.value === 'off');
  if (unsafe.length > 0) throw new NotDurableError(unsafe);
}

/**
 * For process entry points, like `loadConfigOrExit`: a NotDurableError (or another refused
 * database, such as a privileged connection) ends the process with its one line, logged as fatal,
 * and exit code 78 (EX_CONFIG); any other error is rethrown.
 */
export function exitIfNotDurable(error: unknown, log: { fatal(message: string): void }): never {
  if (!(error instanceof DatabaseRefusedError)) throw error;
  log.fatal(error.message);
  process.exit(78);
}
