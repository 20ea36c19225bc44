import { ConfigError, kafkaSecurity, loadConfig, temporalSecurity } from '.';

const load = (env: NodeJS.ProcessEnv) => loadConfig(env, '/srv/selter', false);
/** A fake file system: each path's content is named after the path, so a test sees which file was read. */
const files = (path: string): string => `content of ${path}\n`;
const buffers = (path: string): Buffer => Buffer.from(`content of ${path}\n`);

describe('Kafka TLS and SASL settings (ADR 0032)', () => {
  it('connects in plaintext with no settings, as the embedded broker expects', () => {
    const config = load({});
    expect(config.kafka).toEqual({ clientId: 'selter' });
    expect(kafkaSecurity(config.kafka, files)).toEqual({});
  });

  it('KAFKA_TLS=on alone: TLS with the system CAs', () => {
    expect(kafkaSecurity(load({ KAFKA_TLS: 'on' }).kafka, files)).toEqual({ ssl: true });
  });

  it("a CA file (Strimzi's cluster CA), a client pair and SCRAM credentials, read from their files", () => {
    const config = load({
      KAFKA_TLS_CA_FILE: 'secrets/ca.crt',
      KAFKA_TLS_CERT_FILE: '/run/user.crt',
      KAFKA_TLS_KEY_FILE: '/run/user.key',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'selter-backbone',
      KAFKA_SASL_PASSWORD_FILE: '/run/kafka-password',
      KAFKA_REPLICATION_FACTOR: '3',
    });
    expect(config.kafka.replicationFactor).toBe(3);
    expect(kafkaSecurity(config.kafka, files)).toEqual({
      ssl: {
        ca: ['content of /srv/selter/secrets/ca.crt\n'],
        cert: 'content of /run/user.crt\n',
        key: 'content of /run/user.key\n',
      },
      // The password is trimmed: a secret file usually ends with a newline.
      sasl: {
        mechanism: 'scram-sha-512',
        username: 'selter-backbone',
        password: 'content of /run/kafka-password',
      },
    });
  });

  it.each([
    [{ KAFKA_TLS_CERT_FILE: '/c' }, 'KAFKA_TLS_KEY_FILE'],
    [{ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'u' }, 'KAFKA_SASL_MECHANISM'],
    [
      { KAFKA_SASL_MECHANISM: 'gssapi', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD_FILE: '/p' },
      'KAFKA_SASL_MECHANISM',
    ],
    [{ KAFKA_TLS: 'off', KAFKA_TLS_CA_FILE: '/ca' }, 'KAFKA_TLS'],
    [{ KAFKA_REPLICATION_FACTOR: '0' }, 'KAFKA_REPLICATION_FACTOR'],
  ])('refuses %j, naming %s', (env, name) => {
    expect(() => load(env)).toThrow(ConfigError);
    expect(() => load(env)).toThrow(new RegExp(`${name}:`));
  });
});

describe('Temporal TLS, mTLS and API key settings (ADR 0032)', () => {
  it('connects in plaintext with no settings', () => {
    const config = load({});
    expect(config.temporal.tls).toBeUndefined();
    expect(temporalSecurity(config.temporal, buffers)).toEqual({});
  });

  it('mTLS to a self-hosted cluster: its CA, the client pair and the name to verify', () => {
    const config = load({
      TEMPORAL_TLS_CA_FILE: '/run/temporal/ca.crt',
      TEMPORAL_TLS_CERT_FILE: '/run/temporal/tls.crt',
      TEMPORAL_TLS_KEY_FILE: '/run/temporal/tls.key',
      TEMPORAL_TLS_SERVER_NAME: 'temporal-frontend',
    });
    expect(temporalSecurity(config.temporal, buffers)).toEqual({
      tls: {
        serverNameOverride: 'temporal-frontend',
        serverRootCACertificate: Buffer.from('content of /run/temporal/ca.crt\n'),
        clientCertPair: {
          crt: Buffer.from('content of /run/temporal/tls.crt\n'),
          key: Buffer.from('content of /run/temporal/tls.key\n'),
        },
      },
    });
  });

  it("Temporal Cloud's API key: TLS with the system CAs and the key, trimmed", () => {
    const config = load({ TEMPORAL_API_KEY_FILE: '/run/temporal/api-key' });
    expect(temporalSecurity(config.temporal, buffers)).toEqual({
      tls: true,
      apiKey: 'content of /run/temporal/api-key',
    });
  });

  it.each([
    [{ TEMPORAL_TLS_KEY_FILE: '/k' }, 'TEMPORAL_TLS_KEY_FILE'],
    [{ TEMPORAL_TLS: 'off', TEMPORAL_API_KEY_FILE: '/k' }, 'TEMPORAL_TLS'],
    [{ TEMPORAL_TLS: 'yes' }, 'TEMPORAL_TLS'],
  ])('refuses %j, naming %s', (env, name) => {
    expect(() => load(env)).toThrow(new RegExp(`${name}:`));
  });
});
