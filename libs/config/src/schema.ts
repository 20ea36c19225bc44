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

/**
 * Every environment variable Selter reads, with its default. `.env.example` lists the same
 * names; a test checks that the two do not drift.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  HTTP_HOST: z.string().default('127.0.0.1'),
  HTTP_PORT: port.default(3000),
  DATABASE_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  TEMPORAL_ADDRESS: optionalText.pipe(
    z
      .string()
      .regex(/^[^\s:]+:\d+$/, 'expected host:port')
      .optional(),
  ),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('selter'),
  KAFKA_BROKERS: brokerList,
  KAFKA_CLIENT_ID: z.string().min(1).default('selter'),
  SELTER_DATA_DIR: z.string().min(1).default('.data'),
  CHECKPOINT_KEY_FILE: optionalText,
  CHECKPOINT_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(30),
  SELTER_CACHE_DIR: optionalText,
  XDG_CACHE_HOME: optionalText,
  PG_PORT: port.default(54329),
  TEMPORAL_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  KAFKA_PORT: port.default(9092),
});

export type RawConfig = z.infer<typeof configSchema>;

/** The parsed configuration, with derived paths resolved. */
export interface Config {
  env: RawConfig['NODE_ENV'];
  log: { level: RawConfig['LOG_LEVEL']; format: 'json' | 'pretty' };
  http: { host: string; port: number };
  /** Set when the service must use existing servers instead of embedded ones. */
  external: { databaseUrl?: string; temporalAddress?: string; kafkaBrokers?: string[] };
  temporal: { namespace: string; taskQueue: string };
  kafka: { clientId: string };
  /**
   * The Ed25519 key (PKCS#8 PEM) that signs event-store checkpoints: CHECKPOINT_KEY_FILE, which
   * must exist, or else a key generated on first start under the data folder (embedded default).
   */
  checkpoints: { keyFile: string; keyFileGiven: boolean; intervalSeconds: number };
  /** Where embedded engines keep their data (git-ignored). */
  dataDir: string;
  /** Where engine binaries and jars are cached, outside the work tree and keyed by version. */
  cacheDir: string;
  embeddedPorts: { postgres: number; temporal: number; temporalUi: number; kafka: number };
}

/** Turns validated variables into the Config shape the rest of the code uses. */
export function toConfig(raw: RawConfig, cwd: string, isTty: boolean): Config {
  return {
    env: raw.NODE_ENV,
    log: { level: raw.LOG_LEVEL, format: raw.LOG_FORMAT ?? (isTty ? 'pretty' : 'json') },
    http: { host: raw.HTTP_HOST, port: raw.HTTP_PORT },
    external: {
      ...(raw.DATABASE_URL ? { databaseUrl: raw.DATABASE_URL } : {}),
      ...(raw.TEMPORAL_ADDRESS ? { temporalAddress: raw.TEMPORAL_ADDRESS } : {}),
      ...(raw.KAFKA_BROKERS ? { kafkaBrokers: raw.KAFKA_BROKERS } : {}),
    },
    temporal: { namespace: raw.TEMPORAL_NAMESPACE, taskQueue: raw.TEMPORAL_TASK_QUEUE },
    kafka: { clientId: raw.KAFKA_CLIENT_ID },
    checkpoints: {
      keyFile: resolve(cwd, raw.CHECKPOINT_KEY_FILE ?? join(raw.SELTER_DATA_DIR, 'keys', 'checkpoint-ed25519.pem')),
      keyFileGiven: raw.CHECKPOINT_KEY_FILE !== undefined,
      intervalSeconds: raw.CHECKPOINT_INTERVAL_SECONDS,
    },
    dataDir: resolve(cwd, raw.SELTER_DATA_DIR),
    cacheDir: resolve(raw.SELTER_CACHE_DIR ?? join(raw.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'selter')),
    embeddedPorts: {
      postgres: raw.PG_PORT,
      temporal: raw.TEMPORAL_PORT,
      temporalUi: raw.TEMPORAL_UI_PORT,
      kafka: raw.KAFKA_PORT,
    },
  };
}
