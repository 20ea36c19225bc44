import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sql } from 'postgres';

/** The event store's own migrations. Other libraries pass their folders to `migrate` too. */
export const EVENT_STORE_MIGRATIONS = join(__dirname, '..', 'migrations');

export interface Migration {
  id: string;
  sql: string;
  checksum: string;
}

/** Reads `NNNN_name.sql` files of the given folders, in name order, prefixed by `scope`. */
export function loadMigrations(scope: string, dir: string): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return { id: `${scope}/${file}`, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export class MigrationChecksumError extends Error {
  override readonly name = 'MigrationChecksumError';
}

/**
 * Migrations are pending and this connection's role may not apply them: a service connects as
 * `selter_app`, which cannot create or alter tables; the migrate step (as the owner) must run first.
 */
export class MigrationsPendingError extends Error {
  override readonly name = 'MigrationsPendingError';
  constructor(
    readonly pending: readonly string[],
    role: string,
  ) {
    super(
      `${pending.length} migration(s) not applied (${pending.join(', ')}) and role ${role} may not apply them: ` +
        'run the migrate step as the schema owner first (DATABASE_OWNER_URL, ADR 0019)',
    );
  }
}

const LOCK_KEY = 7_370_001; // any constant shared by every Selter process

/** The ids of `migrations` not yet recorded; throws on one recorded with other content. Empty table or none: all pending. */
async function pendingMigrations(sql: Sql, migrations: Migration[]): Promise<string[]> {
  const [table] = await sql<
    { exists: boolean }[]
  >`select to_regclass('selter_migrations') is not null as exists`;
  if (!table?.exists) return migrations.map((m) => m.id);
  const applied = new Map(
    (await sql<{ id: string; checksum: string }[]>`select id, checksum from selter_migrations`).map((r) => [
      r.id,
      r.checksum,
    ]),
  );
  return migrations
    .filter((m) => {
      const previous = applied.get(m.id);
      if (previous !== undefined && previous !== m.checksum)
        throw new MigrationChecksumError(`migration ${m.id} was changed after it was applied`);
      return previous === undefined;
    })
    .map((m) => m.id);
}

/**
 * Applies the migrations not yet applied, all in one transaction (all or none), under an advisory lock
 * so that processes starting together apply each exactly once. A migration already applied
 * with different content is refused: migrations are never edited, only added. When all are applied
 * it only checks that (services call it as `selter_app`, which may read the table but not change the
 * schema); pending ones that this role may not apply raise MigrationsPendingError.
 */
export async function migrate(sql: Sql, migrations: Migration[]): Promise<string[]> {
  const pending = await pendingMigrations(sql, migrations);
  if (pending.length === 0) return [];
  try {
    return await applyMigrations(sql, migrations);
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error; // insufficient_privilege
    const [who] = await sql<{ role: string }[]>`select current_user as role`;
    throw new MigrationsPendingError(pending, who?.role ?? 'unknown');
  }
}

async function applyMigrations(sql: Sql, migrations: Migration[]): Promise<string[]> {
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${LOCK_KEY})`;
    await tx`create table if not exists selter_migrations (
      id text primary key, checksum text not null, applied_at timestamptz not null default now())`;
    const applied = new Map(
      (await tx<{ id: string; checksum: string }[]>`select id, checksum from selter_migrations`).map((r) => [
        r.id,
        r.checksum,
      ]),
    );
    const done: string[] = [];
    for (const m of migrations) {
      const previous = applied.get(m.id);
      if (previous !== undefined) {
        if (previous !== m.checksum)
          throw new MigrationChecksumError(`migration ${m.id} was changed after it was applied`);
        continue;
      }
      await tx.savepoint(async (sp) => {
        await sp.unsafe(m.sql);
        await sp`insert into selter_migrations (id, checksum) values (${m.id}, ${m.checksum})`;
      });
      done.push(m.id);
    }
    return done;
  });
}
