import { readFileSync } from 'node:fs';
import type { Config } from './schema';

type SaslMechanism = 'plain' | 'scram-sha-256' | 'scram-sha-512';
/** kafkajs's SASL options: one object type per mechanism (a union of them, as kafkajs declares). */
export type KafkaSasl = {
  [M in SaslMechanism]: { mechanism: M; username: string; password: string };
}[SaslMechanism];

/**
 * The security part of a kafkajs client's options (ADR 0032), from the configuration: `ssl` (true
 * for the system's CAs, or the cluster CA and the client's pair for mutual TLS) and `sasl`, the
 * password read from its secret file now. Spread into `new Kafka({ clientId, brokers, ... })`.
 */
export function kafkaSecurity(
  kafka: Config['kafka'],
  read: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): {
  ssl?: true | { ca?: string[]; cert?: string; key?: string };
  sasl?: KafkaSasl;
} {
  const { tls, sasl } = kafka;
  const ssl =
    tls && (tls.caFile ?? tls.certFile)
      ? {
          ...(tls.caFile ? { ca: [read(tls.caFile)] } : {}),
          ...(tls.certFile && tls.keyFile ? { cert: read(tls.certFile), key: read(tls.keyFile) } : {}),
        }
      : tls
        ? (true as const)
        : undefined;
  return {
    ...(ssl ? { ssl } : {}),
    ...(sasl
      ? {
          sasl: {
            mechanism: sasl.mechanism,
            username: sasl.username,
            password: read(sasl.passwordFile).trim(),
          },
        }
      : {}),
  };
}

/**
 * The security part of a Temporal `Connection`/`NativeConnection`'s options (ADR 0032): `tls`
 * (true for the system's CAs; or the server's CA, the name to verify and the client's pair for
 * mTLS) and `apiKey` (Temporal Cloud), read from their files now. Spread next to `address`.
 */
export function temporalSecurity(
  temporal: Config['temporal'],
  read: (path: string) => Buffer = (path) => readFileSync(path),
): {
  tls?:
    | true
    | {
        serverNameOverride?: string;
        serverRootCACertificate?: Buffer;
        clientCertPair?: { crt: Buffer; key: Buffer };
      };
  apiKey?: string;
} {
  const { tls, apiKeyFile } = temporal;
  const detailed =
    tls && (tls.caFile ?? tls.certFile ?? tls.serverName)
      ? {
          ...(tls.serverName ? { serverNameOverride: tls.serverName } : {}),
          ...(tls.caFile ? { serverRootCACertificate: read(tls.caFile) } : {}),
          ...(tls.certFile && tls.keyFile
            ? { clientCertPair: { crt: read(tls.certFile), key: read(tls.keyFile) } }
            : {}),
        }
      : undefined;
  return {
    ...(detailed ? { tls: detailed } : tls ? { tls: true as const } : {}),
    ...(apiKeyFile ? { apiKey: read(apiKeyFile).toString('utf8').trim() } : {}),
  };
}
