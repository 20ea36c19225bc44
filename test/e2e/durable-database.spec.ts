import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort, ManagedProcess, startEmbeddedPostgres, type RunningPostgres } from '@selter/engines';
import { createTestDatabase, testEndpoints, uniqueName } from '@selter/testing';
import postgres from 'postgres';

const ROOT = resolve(__dirname, '../..');
const SERVICES = {
  api: 'apps/api/src/main.ts',
  backbone: 'apps/backbone/src/main.ts',
  worker: 'apps/worker/src/main.ts',
} as const;
type Service = keyof typeof SERVICES;

interface Ended {
  code: number | null;
  lines: string[];
}

/** Runs one of our processes as `npm start` does and collects its output until it ends (or fails the test after 30 s, within jest's timeout). */
async function runUntilExit(service: Service, databaseUrl: string, dir: string): Promise<Ended> {
  const lines: string[] = [];
  const proc = new ManagedProcess({
    name: service,
    command: process.execPath,
    args: [join(ROOT, 'scripts', 'run.cjs'), join(ROOT, SERVICES[service])],
    cwd: ROOT,
    logFile: join(dir, `${service}.log`),
    onLine: (line) => void (line.trim() && lines.push(line)),
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_FORMAT: 'json',
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: testEndpoints().temporalAddress,
      TEMPORAL_TASK_QUEUE: uniqueName('durability'),
      KAFKA_BROKERS: '',
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(await freePort()),
      // Where the backbone would create its signing key: it must not get that far.
      SELTER_DATA_DIR: dir,
    },
  });
  const timer = setTimeout(() => void proc.stop('SIGKILL', 0), 30_000);
  const { code, signal } = await proc.waitForExit();
  clearTimeout(timer);
  await proc.stop();
  if (signal)
    throw new Error(`${service} did not exit by itself within 30 s (${signal}):\n${lines.join('\n')}`);
  return { code, lines };
}

/** The one line a refused process must print: a fatal JSON log record. */
function theOneFatalLine({ lines }: Ended): { level: number; msg: string; component: string } {
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] as string) as { level: number; msg: string; component: string };
}

describe('startup against an event database that may lose acknowledged commits (issue 13, R25)', () => {
  const dir = join(testEndpoints().workDir, uniqueName('not-durable'));
  let careless: RunningPostgres | undefined;
  let syncOff: Awaited<ReturnType<typeof createTestDatabase>> | undefined;

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    // A cluster of its own (fsync and full_page_writes are server-wide), and a database of the
    // shared, durable cluster whose commits are acknowledged before the WAL is flushed.
    [careless, syncOff] = await Promise.all([
      startEmbeddedPostgres({
        dataDir: join(dir, 'postgres'),
        port: await freePort(),
        logFile: join(dir, 'postgres.log'),
        settings: { fsync: 'off', full_page_writes: 'off' },
      }),
      createTestDatabase('sync_off'),
    ]);
    const name = new URL(syncOff.url).pathname.slice(1);
    const admin = postgres(testEndpoints().superuserUrl, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`alter database ${name} set synchronous_commit = off`);
    await admin.end();
  });
  afterAll(async () => {
    await careless?.stop();
    await syncOff?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the api, the backbone and the worker refuse a server with fsync=off and full_page_writes=off, one fatal line each naming both', async () => {
    const url = careless?.url as string;
    const ended = await Promise.all(
      (Object.keys(SERVICES) as Service[]).map(
        async (service) => [service, await runUntilExit(service, url, join(dir, 'fsync'))] as const,
      ),
    );
    for (const [service, result] of ended) {
      expect({ service, code: result.code }).toEqual({ service, code: 78 });
      const line = theOneFatalLine(result);
      expect(line).toMatchObject({ level: 60, component: service });
      expect(line.msg).toBe(
        'event database is not durable: fsync=off (set by command line), full_page_writes=off (set by command line); an acknowledged decision must survive a crash: set fsync=on, full_page_writes=on',
      );
    }
  });

  it('the api, the backbone and the worker refuse a database with synchronous_commit=off before any side effect', async () => {
    const url = syncOff?.url as string;
    const ended = await Promise.all(
      (Object.keys(SERVICES) as Service[]).map(
        async (service) => [service, await runUntilExit(service, url, join(dir, 'sync'))] as const,
      ),
    );
    for (const [service, result] of ended) {
      expect({ service, code: result.code }).toEqual({ service, code: 78 });
      const line = theOneFatalLine(result);
      expect(line).toMatchObject({ level: 60, component: service });
      expect(line.msg).toContain('event database is not durable: synchronous_commit=off (set by database)');
      expect(line.msg).not.toContain('fsync');
    }
    // Neither migrations (backbone, worker) nor a new checkpoint signing key (backbone).
    const sql = postgres(url, { max: 1, onnotice: () => undefined });
    const tables = await sql`select table_name from information_schema.tables where table_schema = 'public'`;
    await sql.end();
    expect(tables).toHaveLength(0);
    expect(existsSync(join(dir, 'sync', 'keys'))).toBe(false);
  });
});
