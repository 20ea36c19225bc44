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

const LOCK_KEY = 7_370_001; // any constant shared by every Selter process

/**
 * Applies the migrations not yet applied, all in one transaction (all or none), under an advisory lock
 * so that processes starting together apply each exactly once. A migration already applied
 * with different content is refused: migrations are never edited, only added.
 */
export async function migrate(sql: Sql, migrations: Migration[]): Promise<string[]> {
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${LOCK_KEY})`;
    await tx`create table if not exists selter_migrations (
      id text primary key, checksum text not null, applied_at timestamptz not null default now())`;
    const applied = new Map((await tx<{ id: string; checksum: string }[]>`select id, checksum from selter_migrations`).map((r) => [r.id, r.checksum]));
    const done: string[] = [];
    for (const m of migrations) {
      const previous = applied.get(m.id);
      if (previous !== undefined) {
        if (previous !== m.checksum) throw new MigrationChecksumError(`migration ${m.id} was changed after it was applied`);
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
