import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureKafkaJars, startKafkaBroker, type RunningKafka } from './kafka';
import { ensureKeycloak, startKeycloak, type RunningKeycloak } from './keycloak';
import { freePort, freeServerPort } from './ports';
import { startEmbeddedPostgres, type RunningPostgres } from './postgres';
import { ensureTemporalCli, startTemporalDevServer, type RunningTemporal } from './temporal';

export interface EngineEndpoints {
  /** The services' connection (role `selter_app` when embedded). */
  databaseUrl: string;
  /** The migrate step's connection (role `selter_owner` when embedded; DATABASE_OWNER_URL, else DATABASE_URL, when external). */
  databaseOwnerUrl: string;
  /** The embedded cluster's superuser (test databases, tampering in tests); absent for an external database. */
  databaseSuperuserUrl?: string;
  temporalAddress: string;
  /** Undefined when no broker is configured and none can run here: events wait in the outbox. */
  kafkaBrokers?: string[];
  temporalUiUrl?: string;
  /** The embedded identity provider (Keycloak), when asked for and able to run here. */
  keycloak?: { url: string; issuer: string; jwksUrl: string; adminPasswordFile: string };
}

export type EngineName = 'postgres' | 'temporal' | 'kafka' | 'keycloak';

export interface EngineStatus {
  name: EngineName;
  mode: 'embedded' | 'external' | 'unavailable';
  detail: string;
}

export interface StartEnginesOptions {
  dataDir: string;
  cacheDir: string;
  /** Fixed ports for `npm start`; omitted ports are picked free (tests, benchmarks). */
  ports?: Partial<Record<'postgres' | 'temporal' | 'temporalUi' | 'kafka' | 'keycloak', number>>;
  /** Keep Temporal state in a SQLite file and show the Web UI (`npm start`), or not (tests). */
  persistent: boolean;
  external?: {
    databaseUrl?: string;
    databaseOwnerUrl?: string;
    temporalAddress?: string;
    kafkaBrokers?: string[];
  };
  temporalDynamicConfig?: Record<string, unknown>;
  /**
   * Start Keycloak with the Selter realm (`npm start`; ~30 s and ~550 MB, so off unless asked).
   * Without Java it is reported unavailable and the rest comes up.
   */
  keycloak?: boolean;
  log: (line: string) => void;
}

export interface RunningEngines {
  endpoints: EngineEndpoints;
  status: EngineStatus[];
  postgres?: RunningPostgres;
  temporal?: RunningTemporal;
  kafka?: RunningKafka;
  keycloak?: RunningKeycloak;
  /** Stops what was started here, in reverse order of dependency. Safe to call twice. */
  stop(): Promise<void>;
}

const portOr = async (port: number | undefined): Promise<number> => port ?? (await freePort());

async function postgresEndpoint(o: StartEnginesOptions, logs: string) {
  if (o.external?.databaseUrl)
    return { url: o.external.databaseUrl, ownerUrl: o.external.databaseOwnerUrl ?? o.external.databaseUrl };
  const running = await startEmbeddedPostgres({
    dataDir: join(o.dataDir, 'postgres'),
    port: await portOr(o.ports?.postgres),
    logFile: join(logs, 'postgres.log'),
  });
  return { url: running.url, ownerUrl: running.ownerUrl, running };
}

async function temporalEndpoint(o: StartEnginesOptions, logs: string) {
  if (o.external?.temporalAddress) return { address: o.external.temporalAddress };
  const binary = ensureTemporalCli(o.cacheDir, o.log);
  if (!binary) {
    throw new Error(
      'Temporal: no server. Set TEMPORAL_ADDRESS, put `temporal` on PATH, or install Go so the pinned CLI can be built.',
    );
  }
  const running = await startTemporalDevServer({
    binary,
    port: await portOr(o.ports?.temporal),
    uiPort: o.persistent ? await portOr(o.ports?.temporalUi) : null,
    ...(o.persistent ? { dbFile: join(o.dataDir, 'temporal.sqlite') } : {}),
    logFile: join(logs, 'temporal.log'),
    ...(o.temporalDynamicConfig ? { dynamicConfig: o.temporalDynamicConfig } : {}),
  });
  return { address: running.address, running };
}

async function kafkaEndpoint(o: StartEnginesOptions, logs: string) {
  if (o.external?.kafkaBrokers) return { brokers: o.external.kafkaBrokers };
  const libsDir = ensureKafkaJars(o.cacheDir, o.log);
  if (!libsDir) return {};
  const running = await startKafkaBroker({
    libsDir,
    dataDir: join(o.dataDir, 'kafka'),
    port: await portOr(o.ports?.kafka),
    controllerPort: await freePort(),
    logFile: join(logs, 'kafka.log'),
  });
  return { brokers: running.brokers, running };
}

async function keycloakEndpoint(
  o: StartEnginesOptions,
  logs: string,
): Promise<{ running?: RunningKeycloak }> {
  if (!o.keycloak) return {};
  const home = ensureKeycloak(o.cacheDir, o.log);
  if (!home) return {};
  const running = await startKeycloak({
    home,
    dataDir: join(o.dataDir, 'keycloak'),
    port: o.ports?.keycloak ?? (await freeServerPort()),
    logFile: join(logs, 'keycloak.log'),
  });
  return { running };
}

/**
 * Brings up PostgreSQL, Temporal, Kafka (and Keycloak when asked) in parallel: the external ones when configured,
 * otherwise embedded ones. If one fails, the others are stopped before the error surfaces.
 */
export async function startEngines(o: StartEnginesOptions): Promise<RunningEngines> {
  const logs = join(o.dataDir, 'logs');
  mkdirSync(logs, { recursive: true, mode: 0o755 });
  const [pg, temporal, kafka, keycloak] = await Promise.allSettled([
    postgresEndpoint(o, logs),
    temporalEndpoint(o, logs),
    kafkaEndpoint(o, logs),
    keycloakEndpoint(o, logs),
  ]);
  const started = [pg, temporal, kafka, keycloak].flatMap((r) =>
    r.status === 'fulfilled' && r.value.running ? [r.value.running] : [],
  );
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      // Keycloak, Kafka and Temporal first: they may still be flushing to clients; PostgreSQL last.
      for (const engine of started.reverse()) await engine.stop();
    })());
  const failure = [pg, temporal, kafka, keycloak].find(
    (r): r is PromiseRejectedResult => r.status === 'rejected',
  );
  if (
    failure ||
    pg.status !== 'fulfilled' ||
    temporal.status !== 'fulfilled' ||
    kafka.status !== 'fulfilled' ||
    keycloak.status !== 'fulfilled'
  ) {
    await stop();
    throw failure?.reason instanceof Error ? failure.reason : new Error(String(failure?.reason));
  }
  const describe = (name: EngineName, external: boolean, running: boolean, detail: string): EngineStatus => ({
    name,
    mode: external ? 'external' : running ? 'embedded' : 'unavailable',
    detail,
  });
  return {
    endpoints: {
      databaseUrl: pg.value.url,
      databaseOwnerUrl: pg.value.ownerUrl,
      ...(pg.value.running ? { databaseSuperuserUrl: pg.value.running.superuserUrl } : {}),
      temporalAddress: temporal.value.address,
      ...(kafka.value.brokers ? { kafkaBrokers: kafka.value.brokers } : {}),
      ...(temporal.value.running?.uiUrl ? { temporalUiUrl: temporal.value.running.uiUrl } : {}),
      ...(keycloak.value.running
        ? {
            keycloak: {
              url: keycloak.value.running.url,
              issuer: keycloak.value.running.issuer(),
              jwksUrl: keycloak.value.running.jwksUrl(),
              adminPasswordFile: keycloak.value.running.admin.passwordFile,
            },
          }
        : {}),
    },
    status: [
      describe('postgres', Boolean(o.external?.databaseUrl), Boolean(pg.value.running), redact(pg.value.url)),
      describe(
        'temporal',
        Boolean(o.external?.temporalAddress),
        Boolean(temporal.value.running),
        temporal.value.address,
      ),
      describe(
        'kafka',
        Boolean(o.external?.kafkaBrokers),
        Boolean(kafka.value.running),
        kafka.value.brokers?.join(',') ?? 'no broker: events stay in the outbox until one is configured',
      ),
      ...(o.keycloak
        ? [
            describe(
              'keycloak',
              false,
              Boolean(keycloak.value.running),
              keycloak.value.running?.issuer() ?? 'cannot run here (needs Java 17+, Maven and unzip)',
            ),
          ]
        : []),
    ],
    ...(pg.value.running ? { postgres: pg.value.running } : {}),
    ...(temporal.value.running ? { temporal: temporal.value.running } : {}),
    ...(kafka.value.running ? { kafka: kafka.value.running } : {}),
    ...(keycloak.value.running ? { keycloak: keycloak.value.running } : {}),
    stop,
  };
}

/** Hides the password of a connection URL for logs. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
