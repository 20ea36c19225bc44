import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { configSchema, loadConfig } from '@selter/config';
import {
  ensureComposeCli,
  KAFKA_VERSION,
  TEMPORAL_SERVER_VERSION,
  type ComposeCommand,
} from '@selter/engines';
import { testEndpoints } from '@selter/testing';

const ROOT = resolve(__dirname, '../..');

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  ports?: Array<{ target: number; published: string }>;
  networks?: Record<string, unknown>;
  secrets?: Array<{ source: string; target?: string }>;
}

/** Reads a service's `/run/secrets/<name>` only when the service mounts that secret. */
const secretsOf =
  (service: ComposeService) =>
  (path: string): string => {
    const name = path.replace('/run/secrets/', '');
    if (!service.secrets?.some((s) => s.source === name)) throw new Error(`secret ${name} is not mounted`);
    return `secret-of-${name}`;
  };

function compose(cli: ComposeCommand, file: string): string {
  return execFileSync(cli.command, [...cli.args, '-f', file, 'config', '--format', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('docker-compose.yml', () => {
  let cli: ComposeCommand;
  let services: Record<string, ComposeService>;
  let parsed: { services: Record<string, ComposeService>; networks: Record<string, { internal?: boolean }> };

  beforeAll(() => {
    const found = ensureComposeCli(testEndpoints().cacheDir, () => undefined);
    if (!found)
      throw new Error('no docker compose CLI and no Go to build one (npm test runs `engines install` first)');
    cli = found;
    parsed = JSON.parse(compose(cli, join(ROOT, 'docker-compose.yml'))) as typeof parsed;
    services = parsed.services;
  });

  it('is accepted by `docker compose config`, which does reject a malformed file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'compose-'));
    const broken = join(dir, 'docker-compose.yml');
    writeFileSync(broken, 'services:\n  api:\n    image: node:20\n    portz: ["3000:3000"]\n');
    expect(() => compose(cli, broken)).toThrow(/portz/);
    // temporal-ui is in the `operator` profile: not started, and not listed, by default.
    expect(Object.keys(services).sort()).toEqual([
      'api',
      'backbone',
      'kafka',
      'migrate',
      'postgres',
      'temporal',
      'worker',
    ]);
  });

  it.each(['api', 'worker', 'backbone'])(
    '%s: is built from the Dockerfile, runs an entry point that exists, and its variables parse',
    (name) => {
      const service = services[name] as ComposeService;
      expect(service.build?.dockerfile).toBe('Dockerfile');
      expect(existsSync(join(ROOT, 'Dockerfile'))).toBe(true);
      const entry = service.command?.[2] ?? '';
      expect(entry).toBe(`apps/${name}/src/main.ts`);
      expect(existsSync(join(ROOT, entry))).toBe(true);
      const env = service.environment ?? {};
      for (const variable of Object.keys(env)) expect(Object.keys(configSchema.shape)).toContain(variable);
      const config = loadConfig(env, '/app', false, secretsOf(service));
      expect(config.external.databaseUrl).toBeDefined();
      expect(config.external.temporalAddress).toBeDefined();
      expect(config.external.kafkaBrokers).toBeDefined();
    },
  );

  it('points the api and worker at the services that exist, on the ports they listen on', () => {
    const env = services['api']?.environment ?? {};
    const config = loadConfig(env, '/app', false, secretsOf(services['api'] as ComposeService));
    const db = new URL(config.external.databaseUrl as string);
    const pg = services['postgres']?.environment ?? {};
    expect([db.hostname, db.port, db.username, db.password, db.pathname]).toEqual([
      'postgres',
      '5432',
      'selter_app',
      'secret-of-selter-app-password',
      `/${pg['POSTGRES_DB']}`,
    ]);
    expect(config.external.temporalAddress).toBe('temporal:7233'); // auto-setup's frontend, unpublished
    expect(config.external.kafkaBrokers).toEqual([
      services['kafka']?.environment?.['KAFKA_ADVERTISED_LISTENERS']?.replace('PLAINTEXT://', ''),
    ]);
    expect(services['api']?.ports?.[0]?.target).toBe(config.http.port);
    expect(services['worker']?.environment).toEqual(env);
    // The backbone never talks to Temporal: it shares the rest, not the payload keys (ADR 33).
    const { TEMPORAL_PAYLOAD_KEYS_FILE: payloadKeys, ...shared } = env;
    expect(payloadKeys).toBe('/run/secrets/temporal-payload-keys');
    expect(services['backbone']?.environment).toMatchObject(shared);
    expect(services['backbone']?.environment).not.toHaveProperty('TEMPORAL_PAYLOAD_KEYS_FILE');
    expect(services['backbone']?.secrets?.map((x) => x.source)).not.toContain('temporal-payload-keys');
  });

  it('publishes only the api; the engines sit on a network with no route outside', () => {
    const published = Object.entries(services)
      .filter(([, s]) => (s.ports ?? []).length > 0)
      .map(([name]) => name);
    expect(published).toEqual(['api']);
    expect(parsed.networks['internal']?.internal).toBe(true);
    for (const name of ['postgres', 'temporal', 'kafka', 'migrate', 'worker', 'backbone']) {
      expect({ name, networks: Object.keys(services[name]?.networks ?? {}) }).toEqual({
        name,
        networks: ['internal'],
      });
    }
    expect(Object.keys(services['api']?.networks ?? {}).sort()).toEqual(['edge', 'internal']);
    const withUi = JSON.parse(
      execFileSync(
        cli.command,
        [
          ...cli.args,
          '-f',
          join(ROOT, 'docker-compose.yml'),
          '--profile',
          'operator',
          'config',
          '--format',
          'json',
        ],
        { cwd: ROOT, encoding: 'utf8' },
      ),
    ) as { services: Record<string, ComposeService> };
    expect(withUi.services['temporal-ui']?.ports ?? []).toEqual([]);
    expect(withUi.services['temporal-ui']?.environment?.['TEMPORAL_ADDRESS']).toBe('temporal:7233');
  });

  it('writes no password: the services, the migrate step and the engines read theirs from secret files', () => {
    const text = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    expect(text).not.toMatch(/PASSWORD:|POSTGRES_PWD:|postgres:\/\/[^@\s]*:[^@\s]*@/);
    for (const [name, service] of Object.entries(services)) {
      for (const [variable, value] of Object.entries(service.environment ?? {})) {
        if (variable.endsWith('_FILE'))
          expect({ name, variable, mounted: secretsOf(service)(value) }).toEqual({
            name,
            variable,
            mounted: expect.any(String),
          });
      }
    }
    const migrate = loadConfig(
      services['migrate']?.environment ?? {},
      '/app',
      false,
      secretsOf(services['migrate'] as ComposeService),
    );
    expect(new URL(migrate.external.databaseOwnerUrl as string).username).toBe('selter_owner');
    for (const name of ['api', 'worker', 'backbone'])
      expect(services[name]?.secrets?.map((s) => s.source)).not.toContain('selter-owner-password');
    // The roles the URLs name are the ones the init script creates.
    const init = readFileSync(join(ROOT, 'scripts', 'compose-postgres-init.sh'), 'utf8');
    for (const role of ['selter_owner', 'selter_app', 'temporal'])
      expect(init).toContain(`create role ${role} login nosuperuser`);
  });

  it('runs the same engine versions as npm start and npm test', () => {
    expect(services['kafka']?.image).toBe(`apache/kafka:${KAFKA_VERSION}`);
    expect(services['postgres']?.image).toBe('postgres:15');
    expect(services['temporal']?.image).toBe(`temporalio/auto-setup:${TEMPORAL_SERVER_VERSION}`);
  });
});
