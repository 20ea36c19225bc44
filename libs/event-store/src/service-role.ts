import postgres, { type Sql } from 'postgres';
import { assertDurable, DatabaseRefusedError, exitIfNotDurable } from './durability';

/** What PostgreSQL says about the role a connection uses. */
export interface ConnectionRole {
  role: string;
  superuser: boolean;
  /** The role owns the event table (or may act as its owner): it could switch the append-only triggers off. */
  ownsEvents: boolean;
}

/** Reads the connection's role: superuser, and whether it may act as the event table's owner. */
export async function readConnectionRole(sql: Sql): Promise<ConnectionRole> {
  const [row] = await sql<ConnectionRole[]>`
    select r.rolname as role, r.rolsuper as superuser,
           coalesce(pg_has_role(current_user, c.relowner, 'USAGE'), false) as "ownsEvents"
      from pg_roles r left join pg_class c on c.oid = to_regclass('events')
     where r.rolname = current_user`;
  if (!row) throw new Error('cannot read the connection role');
  return row;
}

/** A service connected as a role that could rewrite the audit record (ADR 0019); `message` is one line. */
export class PrivilegedConnectionError extends DatabaseRefusedError {
  override readonly name = 'PrivilegedConnectionError';
  readonly code = 'EVENT_STORE.PRIVILEGED_CONNECTION';
  constructor(readonly connection: ConnectionRole) {
    const what = connection.superuser ? 'a superuser' : 'the owner of the event table';
    super(
      `DATABASE_URL connects as ${connection.role}, ${what}, which can switch the event log's append-only triggers off: ` +
        'connect the services as selter_app and give the owner only to the migrate step (DATABASE_OWNER_URL)',
    );
  }
}

/** Throws PrivilegedConnectionError when a service's connection is a superuser or the event table's owner. */
export async function assertServiceRole(sql: Sql): Promise<ConnectionRole> {
  const connection = await readConnectionRole(sql);
  if (connection.superuser || connection.ownsEvents) throw new PrivilegedConnectionError(connection);
  return connection;
}

/**
 * The checks a service runs on its database before any side effect, on a connection of its own:
 * the durability settings (R25) and the role. A privileged role is refused in production and
 * warned about elsewhere (in-process tests and older data directories still use one).
 * A refusal ends the process with one line and exit code 78, like a bad configuration.
 */
export async function refuseUnsafeDatabase(
  databaseUrl: string,
  o: { production: boolean; log: { fatal(message: string): void; warn(message: string): void } },
): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, connect_timeout: 5, onnotice: () => undefined });
  try {
    await assertDurable(sql);
    const connection = await readConnectionRole(sql);
    if (connection.superuser || connection.ownsEvents) {
      const refused = new PrivilegedConnectionError(connection);
      if (o.production) throw refused;
      o.log.warn(`${refused.message} (refused in production)`);
    }
  } catch (error) {
    exitIfNotDurable(error, o.log);
  } finally {
    await sql.end({ timeout: 1 });
  }
}
