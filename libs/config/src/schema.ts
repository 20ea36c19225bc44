import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();
const brokerList = optionalText.pipe(
  z
    .string()
    .regex(/^[^\s,:]+:\d+(,[^\s,:]+:\d+)*$/, 'expected host:port[,host:port...]')
    .transform((value) => value.split(','))
    .optional(),
);

const onOff = optionalText.pipe(z.enum(['on', 'off']).optional());

const databaseUrl = optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional());

/**
 * Every environment variable Selter reads, with its default. `.env.example` lists the same
 * names; a test checks that the two do not drift.
 */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
    LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
    HTTP_HOST: z.string().default('127.0.0.1'),
    HTTP_PORT: port.default(3000),
    DATABASE_URL: databaseUrl,
    DATABASE_OWNER_URL: databaseUrl,
    DATABASE_PASSWORD_FILE: optionalText,
    DATABASE_OWNER_PASSWORD_FILE: optionalText,
    TEMPORAL_ADDRESS: optionalText.pipe(
      z
        .string()
        .regex(/^[^\s:]+:\d+$/, 'expected host:port')
        .optional(),
    ),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default('selter'),
    TEMPORAL_PAYLOAD_KEYS_FILE: optionalText,
    // Temporal over TLS (a self-hosted cluster with mTLS, or Temporal Cloud): the server's CA (absent:
    // the system's), the client's pair for mTLS, the name to verify; or an API key (Temporal Cloud).
    TEMPORAL_TLS: onOff,
    TEMPORAL_TLS_CA_FILE: optionalText,
    TEMPORAL_TLS_CERT_FILE: optionalText,
    TEMPORAL_TLS_KEY_FILE: optionalText,
    TEMPORAL_TLS_SERVER_NAME: optionalText,
    TEMPORAL_API_KEY_FILE: optionalText,
    KAFKA_BROKERS: brokerList,
    KAFKA_CLIENT_ID: z.string().min(1).default('selter'),
    // Kafka over TLS (Strimzi's `tls` listener): the cluster CA, and for mutual TLS the client's pair.
    KAFKA_TLS: onOff,
    KAFKA_TLS_CA_FILE: optionalText,
    KAFKA_TLS_CERT_FILE: optionalText,
    KAFKA_TLS_KEY_FILE: optionalText,
    // SASL (Strimzi's `scram-sha-512` authentication): the user, and its password from a secret file.
    KAFKA_SASL_MECHANISM: optionalText.pipe(z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).optional()),
    KAFKA_SASL_USERNAME: optionalText,
    KAFKA_SASL_PASSWORD_FILE: optionalText,
    // Topics the services create (ADR 7): 3 with Strimzi's three brokers, 1 for the embedded broker.
    KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(7).optional(),
    SELTER_DATA_DIR: z.string().min(1).default('.data'),
    SELTER_DEMO: z.enum(['on', 'off']).default('on'),
    CHECKPOINT_KEY_FILE: optionalText,
    CHECKPOINT_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(30),
    BACKBONE_HTTP_PORT: port.default(3001),
    SELTER_CACHE_DIR: optionalText,
    XDG_CACHE_HOME: optionalText,
    PG_PORT: port.default(54329),
    TEMPORAL_PORT: port.default(7233),
    TEMPORAL_UI_PORT: port.default(8233),
    KAFKA_PORT: port.default(9092),
    KEYCLOAK_PORT: port.default(8180),
    AUTH_ISSUER: optionalText,
    AUTH_AUDIENCE: z.string().min(1).default('selter-api'),
    AUTH_JWKS_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    AUTH_INTROSPECTION_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    AUTH_INTROSPECTION_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
    AUTH_MFA_ROLES: optionalText,
    AUTH_CONSOLE_CLIENT_ID: z.string().min(1).max(200).default('selter-console'),
    AUTH_CONSOLE_SCOPE: z.string().min(1).max(500).default('openid profile'),
    DEV_ISSUER: optionalText.pipe(z.enum(['on', 'off']).optional()),
    API_CLOCK: z.enum(['system', 'adjustable']).default('system'),
    API_BODY_LIMIT_KB: z.coerce.number().int().min(1).max(10_240).default(256),
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
    API_ANON_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(300),
    API_DECISION_DEADLINE_SECONDS: z.coerce.number().int().min(2).max(300).default(15),
    API_DECISION_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(500),
    API_DECISIONS_PER_ROUND: z.coerce.number().int().min(1).max(9).default(8),
    API_DECISIONS_PER_AGENCY: z.coerce.number().int().min(1).max(10_000).default(8),
    API_DECISIONS_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).default(10),
    API_DECISIONS_PER_AGENCY_SHARED_PER_SECOND: z.coerce.number().int().min(0).max(100_000).default(20),
    WEB_DIST_DIR: optionalText,
  })
  .refine((raw) => raw.DATABASE_PASSWORD_FILE === undefined || raw.DATABASE_URL !== undefined, {
    path: ['DATABASE_PASSWORD_FILE'],
    message: "DATABASE_PASSWORD_FILE needs DATABASE_URL (it supplies that URL's password)",
  })
  .refine((raw) => raw.DATABASE_OWNER_PASSWORD_FILE === undefined || raw.DATABASE_OWNER_URL !== undefined, {
    path: ['DATABASE_OWNER_PASSWORD_FILE'],
    message: "DATABASE_OWNER_PASSWORD_FILE needs DATABASE_OWNER_URL (it supplies that URL's password)",
  })
  .refine((raw) => (raw.AUTH_ISSUER === undefined) === (raw.AUTH_JWKS_URL === undefined), {
    path: ['AUTH_JWKS_URL'],
    message: 'AUTH_ISSUER and AUTH_JWKS_URL go together (an issuer is trusted through its key set)',
  })
  .refine((raw) => (raw.KAFKA_TLS_CERT_FILE === undefined) === (raw.KAFKA_TLS_KEY_FILE === undefined), {
    path: ['KAFKA_TLS_KEY_FILE'],
    message: 'KAFKA_TLS_CERT_FILE and KAFKA_TLS_KEY_FILE go together (the client certificate and its key)',
  })
  .refine(
    (raw) =>
      (raw.KAFKA_SASL_MECHANISM === undefined) === (raw.KAFKA_SASL_USERNAME === undefined) &&
      (raw.KAFKA_SASL_MECHANISM === undefined) === (raw.KAFKA_SASL_PASSWORD_FILE === undefined),
    {
      path: ['KAFKA_SASL_MECHANISM'],
      message: 'KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD_FILE go together',
    },
  )
  .refine((raw) => (raw.TEMPORAL_TLS_CERT_FILE === undefined) === (raw.TEMPORAL_TLS_KEY_FILE === undefined), {
    path: ['TEMPORAL_TLS_KEY_FILE'],
    message:
      'TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE go together (the client certificate and its key)',
  })
  .refine(
    (raw) =>
      raw.TEMPORAL_TLS !== 'off' ||
      (raw.TEMPORAL_API_KEY_FILE ?? raw.TEMPORAL_TLS_CA_FILE ?? raw.TEMPORAL_TLS_CERT_FILE) === undefined,
    {
      path: ['TEMPORAL_TLS'],
      message:
        'TEMPORAL_TLS=off contradicts a CA, a client certificate or an API key (an API key travels over TLS only)',
    },
  )
  .refine(
    (raw) => raw.KAFKA_TLS !== 'off' || (raw.KAFKA_TLS_CA_FILE ?? raw.KAFKA_TLS_CERT_FILE) === undefined,
    { path: ['KAFKA_TLS'], message: 'KAFKA_TLS=off contradicts a CA or a client certificate' },
  )
  .refine((raw) => raw.NODE_ENV !== 'production' || (raw.DEV_ISSUER !== 'on' && raw.API_CLOCK === 'system'), {
    path: ['NODE_ENV'],
    message: 'production refuses DEV_ISSUER=on and API_CLOCK=adjustable (development aids only)',
  });

export type RawConfig = z.infer<typeof configSchema>;

/** The parsed configuration, with derived paths resolved. */
export interface Config {
  env: RawConfig['NODE_ENV'];
  log: { level: RawConfig['LOG_LEVEL']; format: 'json' | 'pretty' };
  http: { host: string; port: number };
  /**
   * Set when the service must use existing servers instead of embedded ones. `databaseUrl` is the
   * services' role (never a superuser in production), `databaseOwnerUrl` the migrate step's (ADR 0019).
   */
  external: {
    databaseUrl?: string;
    databaseOwnerUrl?: string;
    temporalAddress?: string;
    kafkaBrokers?: string[];
  };
  /**
   * `payloadKeys`: the file of keys that encrypt Temporal payloads (ADR 33): TEMPORAL_PAYLOAD_KEYS_FILE,
   * which must exist, or else (not in production) one created on first start under the data folder;
   * in production a process that talks to Temporal refuses to start without the file.
   */
  temporal: {
    namespace: string;
    taskQueue: string;
    payloadKeys: { file: string; createIfMissing: boolean };
    /** TLS to the frontend (ADR 0032): on with a CA, a client pair (mTLS), or an API key; absent: plaintext. */
    tls?: { caFile?: string; certFile?: string; keyFile?: string; serverName?: string };
    /** Temporal Cloud's API key, read from this file when connecting (sent as a bearer token over TLS). */
    apiKeyFile?: string;
  };
  kafka: {
    clientId: string;
    /** Replicas of the topics the services create (ADR 7); absent: the catalogue's default (1). */
    replicationFactor?: number;
    /** TLS to the brokers (Strimzi's `tls` listener); absent: plaintext. */
    tls?: { caFile?: string; certFile?: string; keyFile?: string };
    /** SASL authentication (Strimzi's SCRAM-SHA-512 users); the password is read from `passwordFile`. */
    sasl?: { mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; username: string; passwordFile: string };
  };
  /**
   * The Ed25519 key (PKCS#8 PEM) that signs event-store checkpoints: CHECKPOINT_KEY_FILE, which
   * must exist, or else a key generated on first start under the data folder (embedded default).
   */
  checkpoints: { keyFile: string; keyFileGiven: boolean; intervalSeconds: number };
  /** The backbone's `/health` (degraded while checkpoint signing is refused, ADR 18) and `/metrics`, on HTTP_HOST. */
  backbone: { httpPort: number };
  /** Where embedded engines keep their data (git-ignored). */
  dataDir: string;
  /** `npm start` seeds demo rounds on its first start with an empty data folder (SELTER_DEMO=off: never). */
  demo: boolean;
  /** Where engine binaries and jars are cached, outside the work tree and keyed by version. */
  cacheDir: string;
  embeddedPorts: { postgres: number; temporal: number; temporalUi: number; kafka: number; keycloak: number };
  api: ApiConfig;
}

/** The HTTP API's own settings: who it trusts, its clock, its limits. */
export interface ApiConfig {
  /** An external OIDC-style issuer, trusted through its JWKS; absent when only the dev issuer is used. */
  issuer?: { issuer: string; jwksUrl: string; introspectionUrl?: string };
  audience: string;
  /** How long an introspection answer "active" is reused (ADR 21): the longest a revoked token still passes. */
  introspectionCacheMs: number;
  /** The console's public client at the issuer (Authorization Code with PKCE), told to the console by GET /auth/options. */
  consoleClient: { clientId: string; scope: string };
  /** Roles whose tokens must show multi-factor authentication (`amr`/`acr`); production default: ppk, oversight, pansel, admin. */
  mfaRoles: string[];
  /** The built-in development issuer: `undefined` when not configured (npm start turns it on, the api alone keeps it off). */
  devIssuer: 'on' | 'off' | undefined;
  /** `adjustable`: an admin may set the API's clock (ADR 11); for black-box tests and demos only. */
  clock: 'system' | 'adjustable';
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  /** Requests per minute and client address without a valid token (and to /health), counted across instances. */
  anonRateLimitPerMinute: number;
  /**
   * Admission of decisions (ADR 16): every decision is answered within `deadlineMs` (stored,
   * refused, or 429/503 with Retry-After); it waits at most `waitMs` for its turn; a round takes
   * `perRound` decisions at once (below Temporal's 10 in-flight Updates per workflow), an agency
   * `perAgency`, the API `inFlight`; while another agency decides too, an agency starts at most
   * `sharedPerSecond` decisions a second (0: no such limit).
   */
  decisions: {
    deadlineMs: number;
    waitMs: number;
    perRound: number;
    perAgency: number;
    inFlight: number;
    sharedPerSecond: number;
  };
  /** The built web console the API serves at /console (WEB_DIST_DIR); absent: the repository's apps/web/dist. */
  webDistDir?: string;
}

/** Turns validated variables into the Config shape the rest of the code uses. */
export function toConfig(raw: RawConfig, cwd: string, isTty: boolean): Config {
  return {
    env: raw.NODE_ENV,
    log: { level: raw.LOG_LEVEL, format: raw.LOG_FORMAT ?? (isTty ? 'pretty' : 'json') },
    http: { host: raw.HTTP_HOST, port: raw.HTTP_PORT },
    external: {
      ...(raw.DATABASE_URL ? { databaseUrl: raw.DATABASE_URL } : {}),
      ...(raw.DATABASE_OWNER_URL ? { databaseOwnerUrl: raw.DATABASE_OWNER_URL } : {}),
      ...(raw.TEMPORAL_ADDRESS ? { temporalAddress: raw.TEMPORAL_ADDRESS } : {}),
      ...(raw.KAFKA_BROKERS ? { kafkaBrokers: raw.KAFKA_BROKERS } : {}),
    },
    temporal: {
      namespace: raw.TEMPORAL_NAMESPACE,
      taskQueue: raw.TEMPORAL_TASK_QUEUE,
      payloadKeys: {
        file: resolve(
          cwd,
          raw.TEMPORAL_PAYLOAD_KEYS_FILE ?? join(raw.SELTER_DATA_DIR, 'keys', 'temporal-payload-keys.json'),
        ),
        // Created on first start only outside production: there a missing key file stops the
        // processes that talk to Temporal (the api, the worker, ops), never silently replaced.
        createIfMissing: raw.TEMPORAL_PAYLOAD_KEYS_FILE === undefined && raw.NODE_ENV !== 'production',
      },
      ...(raw.TEMPORAL_TLS === 'on' ||
      (raw.TEMPORAL_TLS === undefined &&
        (raw.TEMPORAL_TLS_CA_FILE ?? raw.TEMPORAL_TLS_CERT_FILE ?? raw.TEMPORAL_API_KEY_FILE) !== undefined)
        ? {
            tls: {
              ...(raw.TEMPORAL_TLS_CA_FILE ? { caFile: resolve(cwd, raw.TEMPORAL_TLS_CA_FILE) } : {}),
              ...(raw.TEMPORAL_TLS_CERT_FILE ? { certFile: resolve(cwd, raw.TEMPORAL_TLS_CERT_FILE) } : {}),
              ...(raw.TEMPORAL_TLS_KEY_FILE ? { keyFile: resolve(cwd, raw.TEMPORAL_TLS_KEY_FILE) } : {}),
              ...(raw.TEMPORAL_TLS_SERVER_NAME ? { serverName: raw.TEMPORAL_TLS_SERVER_NAME } : {}),
            },
          }
        : {}),
      ...(raw.TEMPORAL_API_KEY_FILE ? { apiKeyFile: resolve(cwd, raw.TEMPORAL_API_KEY_FILE) } : {}),
    },
    kafka: {
      clientId: raw.KAFKA_CLIENT_ID,
      ...(raw.KAFKA_REPLICATION_FACTOR ? { replicationFactor: raw.KAFKA_REPLICATION_FACTOR } : {}),
      ...(raw.KAFKA_TLS === 'on' ||
      (raw.KAFKA_TLS === undefined && (raw.KAFKA_TLS_CA_FILE ?? raw.KAFKA_TLS_CERT_FILE) !== undefined)
        ? {
            tls: {
              ...(raw.KAFKA_TLS_CA_FILE ? { caFile: resolve(cwd, raw.KAFKA_TLS_CA_FILE) } : {}),
              ...(raw.KAFKA_TLS_CERT_FILE ? { certFile: resolve(cwd, raw.KAFKA_TLS_CERT_FILE) } : {}),
              ...(raw.KAFKA_TLS_KEY_FILE ? { keyFile: resolve(cwd, raw.KAFKA_TLS_KEY_FILE) } : {}),
            },
          }
        : {}),
      ...(raw.KAFKA_SASL_MECHANISM && raw.KAFKA_SASL_USERNAME && raw.KAFKA_SASL_PASSWORD_FILE
        ? {
            sasl: {
              mechanism: raw.KAFKA_SASL_MECHANISM,
              username: raw.KAFKA_SASL_USERNAME,
              passwordFile: resolve(cwd, raw.KAFKA_SASL_PASSWORD_FILE),
            },
          }
        : {}),
    },
    checkpoints: {
      keyFile: resolve(
        cwd,
        raw.CHECKPOINT_KEY_FILE ?? join(raw.SELTER_DATA_DIR, 'keys', 'checkpoint-ed25519.pem'),
      ),
      keyFileGiven: raw.CHECKPOINT_KEY_FILE !== undefined,
      intervalSeconds: raw.CHECKPOINT_INTERVAL_SECONDS,
    },
    backbone: { httpPort: raw.BACKBONE_HTTP_PORT },
    dataDir: resolve(cwd, raw.SELTER_DATA_DIR),
    demo: raw.SELTER_DEMO === 'on',
    cacheDir: resolve(
      raw.SELTER_CACHE_DIR ?? join(raw.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'selter'),
    ),
    embeddedPorts: {
      postgres: raw.PG_PORT,
      temporal: raw.TEMPORAL_PORT,
      temporalUi: raw.TEMPORAL_UI_PORT,
      kafka: raw.KAFKA_PORT,
      keycloak: raw.KEYCLOAK_PORT,
    },
    api: {
      ...(raw.AUTH_ISSUER && raw.AUTH_JWKS_URL
        ? {
            issuer: {
              issuer: raw.AUTH_ISSUER,
              jwksUrl: raw.AUTH_JWKS_URL,
              ...(raw.AUTH_INTROSPECTION_URL ? { introspectionUrl: raw.AUTH_INTROSPECTION_URL } : {}),
            },
          }
        : {}),
      audience: raw.AUTH_AUDIENCE,
      consoleClient: { clientId: raw.AUTH_CONSOLE_CLIENT_ID, scope: raw.AUTH_CONSOLE_SCOPE },
      introspectionCacheMs: raw.AUTH_INTROSPECTION_CACHE_SECONDS * 1000,
      mfaRoles: (raw.AUTH_MFA_ROLES ?? (raw.NODE_ENV === 'production' ? 'ppk,oversight,pansel,admin' : ''))
        .split(',')
        .map((r) => r.trim())
        .filter((r) => r !== '' && r !== 'none'),
      devIssuer: raw.DEV_ISSUER,
      clock: raw.API_CLOCK,
      bodyLimitBytes: raw.API_BODY_LIMIT_KB * 1024,
      rateLimitPerMinute: raw.API_RATE_LIMIT_PER_MINUTE,
      anonRateLimitPerMinute: raw.API_ANON_RATE_LIMIT_PER_MINUTE,
      decisions: {
        deadlineMs: raw.API_DECISION_DEADLINE_SECONDS * 1000,
        waitMs: Math.min(raw.API_DECISION_WAIT_MS, (raw.API_DECISION_DEADLINE_SECONDS - 1) * 1000),
        perRound: raw.API_DECISIONS_PER_ROUND,
        perAgency: raw.API_DECISIONS_PER_AGENCY,
        inFlight: raw.API_DECISIONS_IN_FLIGHT,
        sharedPerSecond: raw.API_DECISIONS_PER_AGENCY_SHARED_PER_SECOND,
      },
      ...(raw.WEB_DIST_DIR ? { webDistDir: resolve(cwd, raw.WEB_DIST_DIR) } : {}),
    },
  };
}
