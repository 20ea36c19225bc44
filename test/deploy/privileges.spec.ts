import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, waitUntil } from '@selter/engines';
import {
  createTestDatabase,
  runMigrateStep,
  spawnService,
  testEndpoints,
  uniqueName,
  type SpawnedService,
  type TestDatabase,
} from '@selter/testing';
import postgres, { type Sql } from 'postgres';

// ADR 0019: the migrate step runs as the schema owner; the api, the worker and the backbone connect
// as `selter_app`, which can append to the log but never change it, nor switch its guards off.
const SERVICES = {
  api: 'apps/api/src/main.ts',
  backbone: 'apps/backbone/src/main.ts',
  worker: 'apps/worker/src/main.ts',
} as const;
type Service = keyof typeof SERVICES;
const READY: Record<Service, string> = {
  api: 'api listening',
  backbone: 'backbone running',
  worker: 'worker polling',
};

function serviceEnv(
  databaseUrl: string,
  dir: string,
  extra: NodeJS.ProcessEnv = {},
): Promise<NodeJS.ProcessEnv> {
  return freePort().then((port) => ({
    ...process.env,
    NODE_ENV: 'test',
    LOG_FORMAT: 'json',
    DATABASE_URL: databaseUrl,
    DATABASE_OWNER_URL: '',
    TEMPORAL_ADDRESS: testEndpoints().temporalAddress,
    TEMPORAL_TASK_QUEUE: uniqueName('privileges'),
    KAFKA_BROKERS: '',
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: String(port),
    SELTER_DATA_DIR: dir,
    ...extra,
  }));
}

const theOneFatalLine = (s: SpawnedService): { level: number; msg: string } => {
  const fatal = s.lines.filter((line) => line.includes('"level":60'));
  expect(fatal).toHaveLength(1);
  return JSON.parse(fatal[0] as string) as { level: number; msg: string };
};

describe('least privilege (ADR 0019)', () => {
  const dir = join(testEndpoints().workDir, uniqueName('privileges'));
  let db: TestDatabase;
  let app: Sql;
  let superuser: Sql;
  const running: SpawnedService[] = [];

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    db = await createTestDatabase('privileges');
    await runMigrateStep(db.ownerUrl, join(dir, 'migrate.log'));
    app = postgres(db.appUrl, { max: 1, onnotice: () => undefined });
    superuser = postgres(db.url, { max: 1, onnotice: () => undefined });
  }, 60_000);
  afterAll(async () => {
    await Promise.all(running.map((s) => s.process.stop('SIGTERM', 10_000)));
    await Promise.all([app?.end(), superuser?.end()]);
    await db?.drop();
  });

  it('the api, the backbone and the worker run as selter_app, and no connection to the store is a superuser', async () => {
    for (const service of Object.keys(SERVICES) as Service[]) {
      running.push(
        spawnService(SERVICES[service], await serviceEnv(db.appUrl, dir), join(dir, `${service}.log`)),
      );
    }
    await waitUntil(
      'api, backbone and worker ready',
      async () => {
        running.forEach((s, i) => {
          const service = Object.keys(SERVICES)[i] as Service;
          if (s.process.hasExited) throw new Error(`${service} exited:\n${s.lines.slice(-10).join('\n')}`);
          if (!s.lines.some((line) => line.includes(READY[service]))) throw new Error(`${service} not ready`);
        });
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    const name = new URL(db.appUrl).pathname.slice(1);
    const connections = await superuser<Array<{ usename: string; rolsuper: boolean }>>`
      select a.usename, r.rolsuper from pg_stat_activity a join pg_roles r on r.rolname = a.usename
       where a.datname = ${name} and a.pid <> pg_backend_pid()`;
    expect(connections.length).toBeGreaterThanOrEqual(3);
    expect(new Set(connections.map((c) => `${c.usename} superuser=${c.rolsuper}`))).toEqual(
      new Set(['selter_app superuser=false']),
    );
    const [me] = await app<
      [{ rolsuper: boolean }]
    >`select rolsuper from pg_roles where rolname = current_user`;
    expect(me.rolsuper).toBe(false);
  }, 150_000);

  it('selter_app appends and reads events but cannot update, delete, truncate, disable triggers or bypass them', async () => {
    const [row] = await app<[{ position: string }]>`
      insert into events (stream_id, stream_version, event_id, type, schema_version, recorded_at, record, prev_hash, hash)
      values ('round-privileges', 1, ${randomUUID()}, 'Probe', 1, now(), '{}', ${Buffer.alloc(32)}, ${Buffer.alloc(32, 1)})
      returning global_position::text as position`;
    expect(Number(row.position)).toBeGreaterThan(0);
    const forbidden = [
      `update events set type = 'Changed' where stream_id = 'round-privileges'`,
      `delete from events where stream_id = 'round-privileges'`,
      'truncate events',
      'alter table events disable trigger events_no_update_delete',
      'alter table events disable trigger all',
      'set session_replication_role = replica',
      'update event_checkpoints set key_id = key_id',
      'drop table events',
      'create table intruder (x int)',
    ];
    for (const statement of forbidden) {
      await expect(app.unsafe(statement)).rejects.toMatchObject({ code: '42501' });
    }
    const [kept] = await superuser<
      [{ n: number; type: string }]
    >`select count(*)::int as n, min(type) as type from events where stream_id = 'round-privileges'`;
    expect(kept).toEqual({ n: 1, type: 'Probe' });
  });

  it('grants selter_app exactly the documented privileges: append-only on the log, read-write on the working tables', async () => {
    const privilege = (p: string): string =>
      `case when has_table_privilege('selter_app', c.oid, '${p}') then '${p}' end`;
    const rows = await superuser.unsafe<Array<{ table: string; privileges: string }>>(`
      select c.relname as table, concat_ws(',', ${['select', 'insert', 'update', 'delete', 'truncate'].map(privilege).join(', ')}) as privileges
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r' order by 1`);
    const granted = Object.fromEntries(rows.map((r) => [r.table, r.privileges]));
    expect(granted).toMatchObject({
      events: 'select,insert',
      event_checkpoints: 'select,insert',
      selter_migrations: 'select',
      projection_checkpoints: 'select,insert,update',
      rm_round_posts: 'select,insert,update,delete,truncate',
      relay_checkpoints: 'select,insert,update',
      consumer_inbox: 'select,insert',
      api_idempotency: 'select,insert,update,delete',
      // Append-only evidence: what each checkpoint signed, the signing alarms, the witnesses' cosignatures, security refusals.
      event_checkpoint_leaves: 'select,insert',
      signing_alarms: 'select,insert',
      signing_alarm_acks: 'select,insert',
      checkpoint_cosignatures: 'select,insert',
      security_events: 'select,insert',
      api_rate_limits: 'select,insert,update,delete',
    });
    // A table a later migration adds must say what the service may do with it (docs/schema.md).
    for (const [table, privileges] of Object.entries(granted))
      expect({ table, privileges }).toEqual({ table, privileges: expect.stringContaining('select') });
    const [owner] = await superuser<
      [{ owner: string }]
    >`select pg_get_userbyid(relowner) as owner from pg_class where oid = 'events'::regclass`;
    expect(owner.owner).toBe('selter_owner');
  });

  it.each(Object.keys(SERVICES) as Service[])(
    '%s in production refuses a superuser or the schema owner, with one line and exit code 78',
    async (service) => {
      for (const [url, named] of [
        [db.url, 'postgres, a superuser'],
        [db.ownerUrl, 'selter_owner, the owner of the event table'],
      ] as const) {
        const spawned = spawnService(
          SERVICES[service],
          await serviceEnv(url, dir, {
            NODE_ENV: 'production',
            AUTH_ISSUER: 'https://issuer.invalid',
            AUTH_JWKS_URL: 'https://issuer.invalid/jwks',
          }),
          join(dir, `${service}-refused.log`),
        );
        const timer = setTimeout(() => void spawned.process.stop('SIGKILL', 0), 60_000);
        const { code } = await spawned.process.waitForExit();
        clearTimeout(timer);
        expect({ service, code }).toEqual({ service, code: 78 });
        expect(theOneFatalLine(spawned).msg).toContain(`DATABASE_URL connects as ${named}`);
      }
    },
    150_000,
  );
});
