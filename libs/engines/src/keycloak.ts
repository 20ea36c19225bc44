import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { javaUnavailableReason } from './maven';
import { ManagedProcess } from './process';
import { KEYCLOAK_VERSION } from './versions';
import { waitUntil } from './wait';

/** The realm `npm start` and the tests import: roles, groups per agency, clients, seeded users (ADR 0026). */
export const SELTER_REALM_FILE = resolve(__dirname, '../../../deploy/keycloak/selter-realm.json');
export const SELTER_REALM = 'selter';

const ARTIFACT = `org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:zip`;
const TITLE = `Keycloak ${KEYCLOAK_VERSION}`;
/**
 * Build-time options, fixed once at install (`kc.sh build`), so every start is `--optimized`: no
 * re-augmentation (30-60 s) at each start and nothing written into the shared cache. The dev-file
 * (H2) database lives under the run's data dir.
 */
const BUILD_OPTIONS = ['--db=dev-file'];
/** What a started server reads from the distribution; its `data/` is the run's own. */
const LINKED = ['lib', 'conf', 'providers', 'themes'];

/** Where the built distribution lives once installed. */
export function cachedKeycloakHome(cacheDir: string): string {
  return join(cacheDir, `keycloak-${KEYCLOAK_VERSION}`);
}

/** Why Keycloak cannot run here (Java 17+ needed), or undefined when it can. */
export function keycloakUnavailableReason(): string | undefined {
  return javaUnavailableReason(17, TITLE);
}

/**
 * Fetches the distribution zip from Maven Central, unpacks it and builds it for an embedded
 * single node, once per machine; returns its folder, or undefined (reason logged) when Java,
 * Maven or unzip is missing. Staged and renamed, like the other engines.
 */
export function ensureKeycloak(cacheDir: string, log: (line: string) => void): string | undefined {
  const home = cachedKeycloakHome(cacheDir);
  if (existsSync(join(home, '.complete'))) return home;
  const missing = (tool: string, args: string[]): string | undefined =>
    spawnSync(tool, args, { stdio: 'ignore' }).status === 0 ? undefined : `no ${tool} on PATH`;
  const reason = keycloakUnavailableReason() ?? missing('mvn', ['-v']) ?? missing('unzip', ['-v']);
  if (reason) {
    log(`${TITLE} unavailable: ${reason}`);
    return undefined;
  }
  const staging = `${home}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    log(`fetching ${TITLE} from Maven Central and building it (once per machine, about a minute)`);
    execFileSync(
      'mvn',
      ['-B', '-q', 'dependency:copy', `-Dartifact=${ARTIFACT}`, `-DoutputDirectory=${staging}`],
      {
        stdio: 'inherit',
      },
    );
    const zip = join(staging, `keycloak-quarkus-dist-${KEYCLOAK_VERSION}.zip`);
    execFileSync('unzip', ['-q', zip, '-d', staging], { stdio: 'inherit' });
    rmSync(zip);
    const unpacked = join(staging, `keycloak-${KEYCLOAK_VERSION}`);
    execFileSync(join(unpacked, 'bin', 'kc.sh'), ['build', ...BUILD_OPTIONS], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    writeFileSync(join(unpacked, '.complete'), `${ARTIFACT} ${BUILD_OPTIONS.join(' ')}\n`);
    if (!existsSync(join(home, '.complete'))) {
      rmSync(home, { recursive: true, force: true });
      renameSync(unpacked, home);
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return home;
}

export interface KeycloakOptions {
  /** The installed distribution (ensureKeycloak). */
  home: string;
  /** The server's own home: `data/` (H2 database, import folder, transaction logs) and links into `home`. */
  dataDir: string;
  port: number;
  logFile: string;
  /** Realm files imported at start when their realm does not exist yet; the Selter realm by default. */
  realmFiles?: readonly string[];
}

export interface RunningKeycloak {
  /** e.g. http://127.0.0.1:8180 */
  url: string;
  /** The issuer (`iss`) of a realm's tokens. */
  issuer(realm?: string): string;
  /** The realm's key set, what the api verifies tokens with. */
  jwksUrl(realm?: string): string;
  /** The master realm's bootstrap administrator (admin console, admin REST API). */
  admin: { username: string; password: string; passwordFile: string };
  process: ManagedProcess;
  stop(): Promise<void>;
}

/** Where a Keycloak on `port` answers, and its realm's issuer and key set: known before it starts. */
export function keycloakUrls(
  port: number,
  realm = SELTER_REALM,
): { url: string; issuer: string; jwksUrl: string } {
  const url = `http://127.0.0.1:${port}`;
  const issuer = `${url}/realms/${realm}`;
  return { url, issuer, jwksUrl: `${issuer}/protocol/openid-connect/certs` };
}

/** Points `<dataDir>/<name>` at the distribution's folder (kc.sh finds lib/quarkus through kc.home.dir). */
function link(target: string, path: string): void {
  try {
    if (lstatSync(path).isSymbolicLink()) unlinkSync(path);
    else rmSync(path, { recursive: true, force: true });
  } catch {
    // absent
  }
  symlinkSync(target, path);
}

/** The bootstrap administrator's password: made once per data dir (0600), read back afterwards. */
function adminPassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * Starts Keycloak in production mode from the prebuilt distribution (`start --optimized`, plain
 * HTTP on 127.0.0.1, fixed hostname so the issuer does not depend on the request), with its data
 * in `dataDir`, importing the realm files on the first start, and waits until every imported
 * realm answers its discovery document.
 */
export async function startKeycloak(o: KeycloakOptions): Promise<RunningKeycloak> {
  const realmFiles = o.realmFiles ?? [SELTER_REALM_FILE];
  const importDir = join(o.dataDir, 'data', 'import');
  mkdirSync(importDir, { recursive: true });
  for (const name of LINKED) link(join(o.home, name), join(o.dataDir, name));
  for (const stale of readdirSync(importDir)) rmSync(join(importDir, stale), { force: true });
  for (const file of realmFiles) copyFileSync(file, join(importDir, basename(file)));
  const realms = realmFiles.map(
    (file) => (JSON.parse(readFileSync(file, 'utf8')) as { realm: string }).realm,
  );
  const passwordFile = join(o.dataDir, 'admin-password');
  const admin = { username: 'admin', password: adminPassword(passwordFile), passwordFile };
  const { url } = keycloakUrls(o.port);
  const proc = new ManagedProcess({
    name: 'keycloak',
    command: join(o.home, 'bin', 'kc.sh'),
    args: [
      'start',
      '--optimized',
      '--http-enabled=true',
      '--http-host=127.0.0.1',
      `--http-port=${o.port}`,
      `--hostname=${url}`,
      // One node: no JGroups cluster (it would listen on 7800 on every interface and look for peers).
      '--cache=local',
      '--import-realm',
      // Later -D options win: the server's home (and so its data/) is the run's, not the cache.
      `-Dkc.home.dir=${o.dataDir}`,
    ],
    env: {
      ...process.env,
      KC_BOOTSTRAP_ADMIN_USERNAME: admin.username,
      KC_BOOTSTRAP_ADMIN_PASSWORD: admin.password,
      // C1 only: starts about twice as fast on two busy cores; a development server needs no peak throughput.
      JAVA_OPTS_APPEND: process.env['JAVA_OPTS_APPEND'] ?? '-XX:TieredStopAtLevel=1',
    },
    logFile: o.logFile,
  });
  const issuer = (realm = SELTER_REALM): string => keycloakUrls(o.port, realm).issuer;
  const stop = (): Promise<void> => proc.stop('SIGTERM', 30_000);
  try {
    await waitUntil(
      'Keycloak',
      async () => {
        for (const realm of ['master', ...realms]) {
          const res = await fetch(`${issuer(realm)}/.well-known/openid-configuration`);
          if (!res.ok) throw new Error(`realm ${realm}: ${res.status}`);
        }
      },
      {
        // A cold start with the realm import takes 30-60 s on two busy cores.
        timeoutMs: 180_000,
        intervalMs: 500,
        abortIf: () => (proc.hasExited ? `exited early, see ${o.logFile}` : undefined),
      },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    issuer,
    jwksUrl: (realm = SELTER_REALM) => keycloakUrls(o.port, realm).jwksUrl,
    admin,
    process: proc,
    stop,
  };
}
