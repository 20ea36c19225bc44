import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { configSchema, loadConfig } from '@selter/config';
import { ensureComposeCli, KAFKA_VERSION, TEMPORAL_SERVER_VERSION, type ComposeCommand } from '@selter/engines';
import { testEndpoints } from '@selter/testing';

const ROOT = resolve(__dirname, '../..');

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  ports?: Array<{ target: number; published: string }>;
}

function compose(cli: ComposeCommand, file: string): string {
  return execFileSync(cli.command, [...cli.args, '-f', file, 'config', '--format', 'json'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('docker-compose.yml', () => {
  let cli: ComposeCommand;
  let services: Record<string, ComposeService>;

  beforeAll(() => {
    const found = ensureComposeCli(testEndpoints().cacheDir, () => undefined);
    if (!found) throw new Error('no docker compose CLI and no Go to build one (npm test runs `engines install` first)');
    cli = found;
    services = (JSON.parse(compose(cli, join(ROOT, 'docker-compose.yml'))) as { services: Record<string, ComposeService> }).services;
  });

  it('is accepted by `docker compose config`, which does reject a malformed file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'compose-'));
    const broken = join(dir, 'docker-compose.yml');
    writeFileSync(broken, 'services:\n  api:\n    image: node:20\n    portz: ["3000:3000"]\n');
    expect(() => compose(cli, broken)).toThrow(/portz/);
    expect(Object.keys(services).sort()).toEqual(['api', 'backbone', 'kafka', 'postgres', 'temporal', 'temporal-ui', 'worker']);
  });

  it.each(['api', 'worker', 'backbone'])('%s: is built from the Dockerfile, runs an entry point that exists, and its variables parse', (name) => {
    const service = services[name] as ComposeService;
    expect(service.build?.dockerfile).toBe('Dockerfile');
    expect(existsSync(join(ROOT, 'Dockerfile'))).toBe(true);
    const entry = service.command?.[2] ?? '';
    expect(entry).toBe(`apps/${name}/src/main.ts`);
    expect(existsSync(join(ROOT, entry))).toBe(true);
    const env = service.environment ?? {};
    for (const variable of Object.keys(env)) expect(Object.keys(configSchema.shape)).toContain(variable);
    const config = loadConfig(env, '/app', false);
    expect(config.external.databaseUrl).toBeDefined();
    expect(config.external.temporalAddress).toBeDefined();
    expect(config.external.kafkaBrokers).toBeDefined();
  });

  it('points the api and worker at the services that exist, on the ports they listen on', () => {
    const env = services['api']?.environment ?? {};
    const config = loadConfig(env, '/app', false);
    const db = new URL(config.external.databaseUrl as string);
    const pg = services['postgres']?.environment ?? {};
    expect([db.hostname, db.port, db.username, db.password, db.pathname]).toEqual(['postgres', '5432', pg['POSTGRES_USER'], pg['POSTGRES_PASSWORD'], `/${pg['POSTGRES_DB']}`]);
    expect(config.external.temporalAddress).toBe(`temporal:${services['temporal']?.ports?.[0]?.target}`);
    expect(config.external.kafkaBrokers).toEqual([services['kafka']?.environment?.['KAFKA_ADVERTISED_LISTENERS']?.replace('PLAINTEXT://', '')]);
    expect(services['api']?.ports?.[0]?.target).toBe(config.http.port);
    expect(services['temporal-ui']?.environment?.['TEMPORAL_ADDRESS']).toBe(config.external.temporalAddress);
    expect(services['worker']?.environment).toEqual(env);
    expect(services['backbone']?.environment).toMatchObject(env);
  });

  it('runs the same engine versions as npm start and npm test', () => {
    expect(services['kafka']?.image).toBe(`apache/kafka:${KAFKA_VERSION}`);
    expect(services['postgres']?.image).toBe('postgres:15');
    expect(services['temporal']?.image).toBe(`temporalio/auto-setup:${TEMPORAL_SERVER_VERSION}`);
  });
});
