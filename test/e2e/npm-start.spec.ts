import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { embeddedDatabaseUrl, freePort, freeServerPort, waitUntil } from '@selter/engines';
import { loadPayloadKeys, selterDataConverter } from '@selter/payload-codec';
import { treeChanges, workTreeStatus } from '@selter/testing';
import { Client, Connection } from '@temporalio/client';
import postgres from 'postgres';

const ROOT = resolve(__dirname, '../..');

interface Started {
  child: ChildProcess;
  output: () => string;
}

/** Runs `npm start` in its own process group, as a terminal would, and waits for its banner. */
async function npmStart(env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitUntil(
    'npm start banner',
    async () => {
      if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}:\n${output}`);
      if (!output.includes('Selter is up.')) throw new Error('not yet');
    },
    {
      timeoutMs: 180_000,
      intervalMs: 250,
      abortIf: () =>
        child.exitCode !== null ? `exited ${child.exitCode}:\n${output.slice(-3000)}` : undefined,
    },
  );
  return { child, output: () => output };
}

/**
 * Ctrl-C: SIGINT to the whole foreground process group, then waits until every process of the
 * group is gone. Returns the launcher's last words. (npm itself re-raises SIGINT, so it ends by
 * signal, as it does in a terminal.)
 */
async function ctrlC({ child, output }: Started): Promise<string> {
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  process.kill(-(child.pid as number), 'SIGINT');
  await exited;
  await waitUntil(
    'every process of npm start gone',
    async () => {
      const left = processesOfGroup(child.pid as number);
      if (left.length) throw new Error(left.join('\n'));
    },
    { timeoutMs: 60_000 },
  );
  return output();
}

function processesOfGroup(pgid: number): string[] {
  const ps = execFileSync('ps', ['-eo', 'pgid=,args='], { encoding: 'utf8' });
  return ps.split('\n').filter((line) => line.trim().startsWith(`${pgid} `));
}

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'selter-start-'));
  chmodSync(dataDir, 0o755);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs the whole stack, stops cleanly on Ctrl-C and finds the same data when started again', async () => {
    const ports = {
      http: await freePort(),
      backbone: await freePort(),
      pg: await freePort(),
      temporal: await freePort(),
      ui: await freePort(),
      kafka: await freePort(),
      // Keycloak binds its port a minute after it starts: one below the ephemeral range (ports.ts).
      keycloak: await freeServerPort(),
    };
    const env = {
      SELTER_DATA_DIR: dataDir,
      HTTP_PORT: String(ports.http),
      BACKBONE_HTTP_PORT: String(ports.backbone),
      PG_PORT: String(ports.pg),
      TEMPORAL_PORT: String(ports.temporal),
      TEMPORAL_UI_PORT: String(ports.ui),
      KAFKA_PORT: String(ports.kafka),
      KEYCLOAK_PORT: String(ports.keycloak),
      LOG_FORMAT: 'json',
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
      KAFKA_BROKERS: '',
      // npm start's own default: a key file created on first start in its data folder (ADR 33).
      TEMPORAL_PAYLOAD_KEYS_FILE: '',
    };
    const treeBefore = workTreeStatus();
    const first = await npmStart(env);
    // Generated passwords, 0600 in a 0700 folder (ADR 0019); the superuser's is for this test's inspection only.
    const secrets = join(dataDir, 'secrets');
    expect(statSync(secrets).mode & 0o777).toBe(0o700);
    expect(readdirSync(secrets).sort()).toEqual([
      'postgres-app.password',
      'postgres-owner.password',
      'postgres-superuser.password',
    ]);
    for (const file of readdirSync(secrets)) expect(statSync(join(secrets, file)).mode & 0o777).toBe(0o600);
    const databaseUrl = embeddedDatabaseUrl(dataDir, ports.pg, 'superuser');
    expect(new URL(databaseUrl).password).not.toBe('postgres');
    const roles = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
    const services = await roles<Array<{ usename: string }>>`
      select distinct usename from pg_stat_activity where datname = 'selter' and pid <> pg_backend_pid() and usename is not null`;
    await roles.end();
    expect(services.map((r) => r.usename)).toEqual(['selter_app']);
    expect(first.output()).toContain(`http://127.0.0.1:${ports.http}/health`);
    expect(first.output()).toContain(`http://127.0.0.1:${ports.ui}`);
    expect(first.output()).toContain(`http://127.0.0.1:${ports.keycloak}/realms/selter`);
    const health = await fetch(`http://127.0.0.1:${ports.http}/health`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as {
      status: string;
      info: Record<string, { status: string; mode?: string }>;
    };
    expect(body.status).toBe('ok');
    expect(Object.keys(body.info).sort()).toEqual(['kafka', 'postgres', 'temporal', 'worker']);
    expect(body.info['kafka']?.mode).toBe('broker');
    expect((await fetch(`http://127.0.0.1:${ports.ui}`)).status).toBe(200);
    // The first start with an empty data folder seeded the demo rounds (issue 17 item 1).
    expect(first.output()).toMatch(/Demo +4 rounds of kabcontoh/);
    const demoRounds = async (): Promise<string[]> => {
      const api = `http://127.0.0.1:${ports.http}`;
      const token = await fetch(`${api}/dev-auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: 'operator.kabcontoh' }),
      }).then(async (r) => ((await r.json()) as { access_token: string }).access_token);
      const list = await fetch(`${api}/rounds`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await list.json()) as { rounds: Array<{ id: string }> };
      return body.rounds
        .map((r) => r.id)
        .filter((id) => id.includes('-demo-'))
        .sort();
    };
    // The round list comes from the read models, a moment behind the last decision.
    await waitUntil(
      'the demo rounds in the round list',
      async () => {
        const listed = await demoRounds();
        if (listed.length < 4) throw new Error(`listed: ${listed.join(', ')}`);
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    const seeded = await demoRounds();
    expect(seeded).toEqual(
      ['demo-diumumkan', 'demo-menunggu-ppk', 'demo-selesai', 'demo-seleksi']
        .map((id) => `round-kabcontoh-${id}`)
        .sort(),
    );

    // Leave a trace in PostgreSQL and in Temporal's persistent state.
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
    await sql`create table survived (note text)`;
    await sql`insert into survived values ('before restart')`;
    await sql.end();
    const connection = await Connection.connect({ address: `127.0.0.1:${ports.temporal}` });
    // The worker encrypts payloads with the key file it created on first start (ADR 33), owner-only.
    const keyFile = join(dataDir, 'keys', 'temporal-payload-keys.json');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const dataConverter = selterDataConverter(await loadPayloadKeys(keyFile, { createIfMissing: false }));
    const result = await new Client({ connection, dataConverter }).workflow.execute('probe', {
      taskQueue: 'selter',
      workflowId: 'probe-before-restart',
    });
    expect(result.taskQueue).toBe('selter');
    await connection.close();

    expect(await ctrlC(first)).toContain('stopped; data kept in');

    const second = await npmStart(env);
    try {
      const again = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
      expect(await again`select note from survived`).toEqual([{ note: 'before restart' }]);
      await again.end();
      const conn = await Connection.connect({ address: `127.0.0.1:${ports.temporal}` });
      const described = await new Client({ connection: conn }).workflow
        .getHandle('probe-before-restart')
        .describe();
      expect(described.status.name).toBe('COMPLETED');
      await conn.close();
      // The demo is seeded once: a start on kept data neither seeds it again nor fails.
      expect(second.output()).not.toContain('Demo ');
      expect(await demoRounds()).toEqual(seeded);
    } finally {
      expect(await ctrlC(second)).toContain('stopped; data kept in');
    }
    // Two starts and stops left the work tree as they found it: data and caches live outside it.
    expect(treeBefore && treeChanges(treeBefore, workTreeStatus() ?? [])).toEqual([]);
    // Two starts of the whole stack, Keycloak's realm import included: minutes on two busy cores.
  }, 600_000);
});
