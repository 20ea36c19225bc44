import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { configSchema, loadConfig } from '@selter/config';
import {
  ensureComposeCli,
  KAFKA_VERSION,
  KEYCLOAK_VERSION,
  TEMPORAL_SERVER_VERSION,
  type ComposeCommand,
} from '@selter/engines';
import { testEndpoints } from '@selter/testing';

const ROOT = resolve(__dirname, '../..');

interface ComposeService {
  image?: string;
  profiles?: string[];
  entrypoint?: string[];
  restart?: string;
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
  volumes?: Array<{ source?: string; target: string; read_only?: boolean }>;
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

function compose(cli: ComposeCommand, file: string, profiles: string[] = []): string {
  const flags = profiles.flatMap((p) => ['--profile', p]);
  return execFileSync(cli.command, [...cli.args, '-f', file, ...flags, 'config', '--format', 'json'], {
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
    // temporal-ui is in the `operator` profile and mailpit in `dev`: neither is started by default.
    expect(Object.keys(services).sort()).toEqual([
      'api',
      'backbone',
      'kafka',
      'keycloak',
      'migrate',
      'postgres',
      'temporal',
      'temporal-namespace',
      'temporal-schema',
      'worker',
    ]);
  });

  it.each(['api', 'worker', 'backbone'])(
    '%s: is built from the Dockerfile, runs an entry point that exists, and its variables parse',
    (name) => {
      const service = services[name] as ComposeService;
      expect(service.build?.dockerfile).toBe('Dockerfile');
      expect(existsSync(join(ROOT, 'Dockerfile'))).toBe(true);
      // The image runs compiled JavaScript (ADR 0032): the entry point is the source's .js twin.
      const entry = service.command?.[1] ?? '';
      expect(service.command).toEqual(['node', `apps/${name}/src/main.js`]);
      expect(existsSync(join(ROOT, entry.replace(/\.js$/, '.ts')))).toBe(true);
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
    expect(config.external.temporalAddress).toBe('temporal:7233'); // the server's frontend, unpublished
    expect(config.external.kafkaBrokers).toEqual([
      services['kafka']?.environment?.['KAFKA_ADVERTISED_LISTENERS']?.replace('PLAINTEXT://', ''),
    ]);
    expect(services['api']?.ports?.[0]?.target).toBe(config.http.port);
    // The worker shares the api's settings except whom to trust (it serves no HTTP).
    const { AUTH_ISSUER: issuer, AUTH_JWKS_URL: jwks, ...workerEnv } = env;
    expect([issuer, jwks]).toEqual([expect.any(String), expect.any(String)]);
    expect(services['worker']?.environment).toEqual(workerEnv);
    // The backbone never talks to Temporal: it shares the rest, not the payload keys (ADR 33).
    const { TEMPORAL_PAYLOAD_KEYS_FILE: payloadKeys, ...shared } = workerEnv;
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
    for (const name of [
      'postgres',
      'temporal-schema',
      'temporal',
      'temporal-namespace',
      'kafka',
      'keycloak',
      'migrate',
      'worker',
      'backbone',
    ]) {
      expect({ name, networks: Object.keys(services[name]?.networks ?? {}) }).toEqual({
        name,
        networks: ['internal'],
      });
    }
    expect(Object.keys(services['api']?.networks ?? {}).sort()).toEqual(['edge', 'internal']);
    const withUi = JSON.parse(compose(cli, join(ROOT, 'docker-compose.yml'), ['operator'])) as {
      services: Record<string, ComposeService>;
    };
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
    for (const role of ['selter_owner', 'selter_app', 'temporal', 'keycloak'])
      expect(init).toContain(`create role ${role} login nosuperuser`);
  });

  it('runs the same engine versions as npm start and npm test', () => {
    expect(services['kafka']?.image).toBe(`apache/kafka:${KAFKA_VERSION}`);
    expect(services['postgres']?.image).toBe('postgres:15');
    expect(services['temporal']?.image).toBe(`temporalio/server:${TEMPORAL_SERVER_VERSION}`);
    expect(services['temporal-schema']?.image).toBe(`temporalio/admin-tools:${TEMPORAL_SERVER_VERSION}`);
    expect(services['keycloak']?.image).toBe(`quay.io/keycloak/keycloak:${KEYCLOAK_VERSION}`);
    expect(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')).not.toContain('auto-setup:');
  });

  it('the `dev` profile adds Mailpit alone, unpublished, on the internal network', () => {
    const dev = JSON.parse(compose(cli, join(ROOT, 'docker-compose.yml'), ['dev'])) as typeof parsed;
    expect(Object.keys(dev.services).sort()).toEqual([...Object.keys(services), 'mailpit'].sort());
    expect(dev.services['mailpit']?.profiles).toEqual(['dev']);
    expect(dev.services['mailpit']?.ports ?? []).toEqual([]);
    expect(Object.keys(dev.services['mailpit']?.networks ?? {})).toEqual(['internal']);
    // Keycloak's mail goes to Mailpit only by default; production names its relay.
    expect(dev.services['keycloak']?.environment?.['KC_SMTP_HOST']).toBe('mailpit');
  });

  it('every long-running service has a health check, and the one-shot steps run once', () => {
    const all = JSON.parse(
      compose(cli, join(ROOT, 'docker-compose.yml'), ['dev', 'operator']),
    ) as typeof parsed;
    const oneShot = ['migrate', 'temporal-schema', 'temporal-namespace'];
    for (const [name, service] of Object.entries(all.services)) {
      if (oneShot.includes(name)) {
        expect({ name, restart: service.restart }).toEqual({ name, restart: 'no' });
        continue;
      }
      const check = service.healthcheck;
      expect({ name, kind: check?.test?.[0], disabled: check?.disable ?? false }).toEqual({
        name,
        kind: expect.stringMatching(/^CMD(-SHELL)?$/) as string,
        disabled: false,
      });
      expect(check?.test?.length ?? 0).toBeGreaterThan(1);
    }
    // The app's checks run the image's own script, on the port each process serves.
    const script = (name: string): string[] => services[name]?.healthcheck?.test ?? [];
    expect(existsSync(join(ROOT, 'scripts', 'healthcheck.cjs'))).toBe(true);
    expect(script('api')).toEqual(['CMD', 'node', 'scripts/healthcheck.cjs', 'http://127.0.0.1:3000/health']);
    const backbone = loadConfig(
      services['backbone']?.environment ?? {},
      '/app',
      false,
      secretsOf(services['backbone'] as ComposeService),
    );
    expect(script('backbone')[3]).toBe(`http://127.0.0.1:${backbone.backbone.httpPort}/health`);
    expect(script('worker')[3]).toBe(`tcp://${backbone.external.temporalAddress}`);
    // The services wait for what they need to be healthy (or done), not merely started.
    expect(services['api']?.depends_on).toEqual({
      migrate: { condition: 'service_completed_successfully', required: true },
      'temporal-namespace': { condition: 'service_completed_successfully', required: true },
      kafka: { condition: 'service_healthy', required: true },
    });
  });

  it("Temporal's schema is set up by admin-tools on Temporal's own databases and role", () => {
    const schema = services['temporal-schema'] as ComposeService;
    const script = [...(schema.entrypoint ?? []), ...(schema.command ?? [])].join('\n');
    expect(script).toContain('-u temporal');
    for (const db of ['temporal', 'temporal_visibility']) {
      expect(script).toContain(`--db ${db} setup-schema -v 0.0`);
      expect(script).toContain(`--db ${db} update-schema -d /etc/temporal/schema/postgresql/v12/`);
    }
    expect(script).not.toMatch(/--db selter\b|selter_owner|selter_app/);
    expect(schema.secrets?.map((s) => s.source)).toEqual(['temporal-db-password']);
    const server = services['temporal']?.environment ?? {};
    expect([server['POSTGRES_USER'], server['DBNAME'], server['VISIBILITY_DBNAME']]).toEqual([
      'temporal',
      'temporal',
      'temporal_visibility',
    ]);
    expect(services['temporal']?.depends_on?.['temporal-schema']?.condition).toBe(
      'service_completed_successfully',
    );
  });

  it("Keycloak imports the repository's realm, on its own database, and the api trusts that realm", () => {
    const keycloak = services['keycloak'] as ComposeService;
    const realm = (
      JSON.parse(readFileSync(join(ROOT, 'deploy/keycloak/selter-realm.json'), 'utf8')) as { realm: string }
    ).realm;
    const mount = keycloak.volumes?.find((v) => v.target.startsWith('/opt/keycloak/data/import/'));
    expect(mount?.source).toBe(join(ROOT, 'deploy/keycloak/selter-realm.json'));
    expect(mount?.read_only).toBe(true);
    expect(keycloak.entrypoint?.join(' ')).toContain('kc.sh start --import-realm');
    expect(keycloak.entrypoint?.join(' ')).not.toContain('start-dev');
    const env = keycloak.environment ?? {};
    expect([env['KC_DB'], env['KC_DB_URL'], env['KC_DB_USERNAME']]).toEqual([
      'postgres',
      'jdbc:postgresql://postgres:5432/keycloak',
      'keycloak',
    ]);
    const api = loadConfig(
      services['api']?.environment ?? {},
      '/app',
      false,
      secretsOf(services['api'] as ComposeService),
    );
    expect(api.api.issuer?.issuer).toBe(`${env['KC_HOSTNAME']}/realms/${realm}`);
    expect(api.api.issuer?.jwksUrl).toBe(
      `http://keycloak:8080/realms/${realm}/protocol/openid-connect/certs`,
    );
    expect(api.api.devIssuer).toBeUndefined();
  });
});
