import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';

/**
 * The database roles (ADR 0019): the superuser only provisions; `selter_owner` owns the schema
 * and runs migrations; `selter_app` is what every service connects as.
 */
export const DB_ROLES = { superuser: 'postgres', owner: 'selter_owner', app: 'selter_app' } as const;
export type DbRole = keyof typeof DB_ROLES;

/** Where the embedded cluster's generated passwords live, beside its data directory (0700, files 0600). */
export function secretsDirOf(dataDir: string): string {
  return join(dataDir, '..', 'secrets');
}

const secretFile = (secretsDir: string, role: DbRole): string =>
  join(secretsDir, `postgres-${role}.password`);

/** The stored password of a role of the embedded cluster, if any (`<secrets>/postgres-<role>.password`). */
export function storedPassword(secretsDir: string, role: DbRole): string | undefined {
  const file = secretFile(secretsDir, role);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

/** A generated password: 192 random bits, base64url (no character needs quoting). */
export const randomSecret = (): string => randomBytes(24).toString('base64url');

/** Stores a role's password (generated unless given) 0600 in a 0700 folder. */
export function storePassword(secretsDir: string, role: DbRole, password = randomSecret()): string {
  mkdirSync(secretsDir, { recursive: true, mode: 0o700 });
  chmodSync(secretsDir, 0o700);
  writeFileSync(secretFile(secretsDir, role), `${password}\n`, { mode: 0o600 });
  chmodSync(secretFile(secretsDir, role), 0o600);
  return password;
}

/** The stored password of a role, generated on first use. */
export function rolePassword(secretsDir: string, role: DbRole): string {
  return storedPassword(secretsDir, role) ?? storePassword(secretsDir, role);
}

/** A connection URL for one role on a local cluster. */
export function roleUrl(role: DbRole, password: string, port: number, database: string): string {
  return `postgres://${DB_ROLES[role]}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

// Passwords here are generated base64url (no quote can occur); the literal is still escaped.
const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * Run as the superuser of a cluster we manage, connected to `database`: creates (or re-keys) the
 * owner and app roles as plain login roles, gives the database and every object already in its
 * public schema to the owner (data directories made before these roles had them owned by the
 * superuser), and lets only the two roles connect. Idempotent: every start of the embedded cluster runs it.
 */
export async function provisionRoles(
  superuserUrl: string,
  passwords: { owner: string; app: string },
): Promise<void> {
  const sql = postgres(superuserUrl, { max: 1, onnotice: () => undefined });
  try {
    for (const role of ['owner', 'app'] as const) {
      const name = DB_ROLES[role];
      const [found] = await sql<
        { exists: boolean }[]
      >`select exists(select 1 from pg_roles where rolname = ${name}) as exists`;
      const attributes = `login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password ${literal(passwords[role])}`;
      await sql.unsafe(`${found?.exists ? 'alter' : 'create'} role ${name} with ${attributes}`);
    }
    await sql.unsafe(`
      do $$
      declare r record;
      begin
        execute format('alter database %I owner to ${DB_ROLES.owner}', current_database());
        execute format('revoke all on database %I from public', current_database());
        execute format('grant connect on database %I to ${DB_ROLES.app}', current_database());
        for r in select c.oid::regclass as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relowner <> '${DB_ROLES.owner}'::regrole loop
          execute format('alter table %s owner to ${DB_ROLES.owner}', r.name);
        end loop;
        for r in select p.oid::regprocedure as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                 where n.nspname = 'public' and p.proowner <> '${DB_ROLES.owner}'::regrole loop
          execute format('alter function %s owner to ${DB_ROLES.owner}', r.name);
        end loop;
      end $$`);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/**
 * The URL of a role on the embedded cluster `npm start` runs (SELTER_DATA_DIR, PG_PORT), for the
 * command-line tools when DATABASE_URL is not set. Throws a one-line error when there is no such cluster.
 */
export function embeddedDatabaseUrl(dataDir: string, port: number, role: DbRole = 'app'): string {
  const password = storedPassword(join(dataDir, 'secrets'), role);
  if (password === undefined)
    throw new Error(
      `no embedded database in ${dataDir} (start it with npm start) and DATABASE_URL is not set`,
    );
  return roleUrl(role, password, port, 'selter');
}
