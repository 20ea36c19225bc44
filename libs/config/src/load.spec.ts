import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, configSchema, loadConfig } from '.';

const load = (env: NodeJS.ProcessEnv) => loadConfig(env, '/srv/selter', false);

describe('loadConfig', () => {
  it('runs on embedded defaults when nothing is set', () => {
    const config = load({ HOME: '/home/dev' });
    expect(config.external).toEqual({});
    expect(config.http).toEqual({ host: '127.0.0.1', port: 3000 });
    expect(config.dataDir).toBe('/srv/selter/.data');
    expect(config.cacheDir).toMatch(/\.cache\/selter$/);
    expect(config.log.format).toBe('json');
  });

  it('points at existing servers when their variables are set', () => {
    const config = load({
      DATABASE_URL: 'postgres://u:p@db:5432/selter',
      TEMPORAL_ADDRESS: 'temporal:7233',
      KAFKA_BROKERS: 'k1:9092,k2:9092',
    });
    expect(config.external).toEqual({
      databaseUrl: 'postgres://u:p@db:5432/selter',
      temporalAddress: 'temporal:7233',
      kafkaBrokers: ['k1:9092', 'k2:9092'],
    });
  });

  it('takes the database passwords from files, so none is written in a variable', () => {
    const secrets: Record<string, string> = {
      '/run/secrets/app': 's3cret/app\n',
      '/srv/selter/owner.pw': 'owner pw\n',
    };
    const config = loadConfig(
      {
        DATABASE_URL: 'postgres://selter_app@db:5432/selter',
        DATABASE_PASSWORD_FILE: '/run/secrets/app',
        DATABASE_OWNER_URL: 'postgres://selter_owner@db:5432/selter',
        DATABASE_OWNER_PASSWORD_FILE: 'owner.pw',
      },
      '/srv/selter',
      false,
      (path) =>
        secrets[path] ??
        (() => {
          throw new Error(`ENOENT: ${path}`);
        })(),
    );
    expect(new URL(config.external.databaseUrl as string).password).toBe(encodeURIComponent('s3cret/app'));
    expect(decodeURIComponent(new URL(config.external.databaseOwnerUrl as string).password)).toBe('owner pw');
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://a@db/s', DATABASE_PASSWORD_FILE: '/nope' }, '/', false, () => {
        throw new Error('ENOENT: no such file');
      }),
    ).toThrow(/^Invalid configuration: DATABASE_PASSWORD_FILE: cannot read \/nope \(ENOENT: no such file\)$/);
    expect(() => load({ DATABASE_PASSWORD_FILE: '/run/secrets/app' })).toThrow(
      /DATABASE_PASSWORD_FILE needs DATABASE_URL/,
    );
  });

  it('treats an empty variable as unset, as .env files write them', () => {
    expect(load({ DATABASE_URL: '', KAFKA_BROKERS: ' ' }).external).toEqual({});
  });

  it('keys the engine cache by XDG_CACHE_HOME, or SELTER_CACHE_DIR when given', () => {
    expect(load({ XDG_CACHE_HOME: '/var/cache' }).cacheDir).toBe('/var/cache/selter');
    expect(load({ SELTER_CACHE_DIR: '/opt/selter-cache' }).cacheDir).toBe('/opt/selter-cache');
  });

  it.each([
    [{ HTTP_PORT: 'abc' }, /^Invalid configuration: HTTP_PORT: .*\(got "abc"\)$/],
    [{ HTTP_PORT: '70000' }, /HTTP_PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ KAFKA_BROKERS: 'localhost' }, /KAFKA_BROKERS: expected host:port/],
    [{ TEMPORAL_ADDRESS: 'no-port' }, /TEMPORAL_ADDRESS: expected host:port/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => load(env)).toThrow(ConfigError);
    expect(() => load(env)).toThrow(message);
    expect(() => load(env)).not.toThrow(/\n/);
  });

  it('keeps the Temporal payload keys under the data folder, created there, unless a file is given or in production (ADR 33)', () => {
    expect(load({}).temporal.payloadKeys).toEqual({
      file: '/srv/selter/.data/keys/temporal-payload-keys.json',
      createIfMissing: true,
    });
    expect(
      load({ TEMPORAL_PAYLOAD_KEYS_FILE: '/run/secrets/payload-keys.json' }).temporal.payloadKeys,
    ).toEqual({
      file: '/run/secrets/payload-keys.json',
      createIfMissing: false,
    });
    // Production never creates one: the processes that need it refuse to start without it.
    const production = {
      NODE_ENV: 'production',
      AUTH_ISSUER: 'https://id/realms/s',
      AUTH_JWKS_URL: 'https://id/jwks',
    };
    expect(load(production).temporal.payloadKeys.createIfMissing).toBe(false);
  });

  it('names every bad variable at once', () => {
    expect(() => load({ HTTP_PORT: 'x', PG_PORT: '-1' })).toThrow(/HTTP_PORT.*; PG_PORT/);
  });
});

describe('.env.example', () => {
  it('lists exactly the variables the schema reads', () => {
    const text = readFileSync(join(__dirname, '../../../.env.example'), 'utf8');
    const listed = text
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => line.split('=')[0])
      .sort();
    expect(listed).toEqual(Object.keys(configSchema.shape).sort());
  });
});
