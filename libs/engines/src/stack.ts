import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureKafkaJars, startKafkaBroker, type RunningKafka } from './kafka';
import { freePort } from './ports';
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
}

export type EngineName = 'postgres' | 'temporal' | 'kafka';

export interface EngineStatus {
  name: EngineName;
  mode: 'embedded' | 'external' | 'unavailable';
  detail: string;
}

export interface StartEnginesOptions {
  dataDir: string;
  cacheDir: string;
  /** Fixed ports for `npm start`; omitted ports are picked free (tests, benchmarks). */
  ports?: Partial<Record<'postgres' | 'temporal' | 'temporalUi' | 'kafka', number>>;
  /** Keep Temporal state in a SQLite file and show the Web UI (`npm start`), or not (tests). */
  persistent: boolean;
  external?: {
    databaseUrl?: string;
    databaseOwnerUrl?: string;
    temporalAddress?: string;
    kafkaBrokers?: string[];
  };
  temporalDynamicConfig?: Record<string, unknown>;
  log: (line: string) => void;
}

export interface RunningEngines {
  endpoints: EngineEndpoints;
  status: EngineStatus[];
  postgres?: RunningPostgres;
  temporal?: RunningTemporal;
  kafka?: RunningKafka;
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

/**
 * Brings up PostgreSQL, Temporal and Kafka in parallel: the external ones when configured,
 * otherwise embedded ones. If one fails, the others are stopped before the error surfaces.
 */
export async function startEngines(o: StartEnginesOptions): Promise<RunningEngines> {
  const logs = join(o.dataDir, 'logs');
  mkdirSync(logs, { recursive: true, mode: 0o755 });
  const [pg, temporal, kafka] = await Promise.allSettled([
    postgresEndpoint(o, logs),
    temporalEndpoint(o, logs),
    kafkaEndpoint(o, logs),
  ]);
  const started = [pg, temporal, kafka].flatMap((r) =>
    r.status === 'fulfilled' && r.value.running ? [r.value.running] : [],
  );
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      // Kafka and Temporal first: both may still be flushing to clients; PostgreSQL last.
      for (const engine of started.reverse()) await engine.stop();
    })());
  const failure = [pg, temporal, kafka].find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (
    failure ||
    pg.status !== 'fulfilled' ||
    temporal.status !== 'fulfilled' ||
    kafka.status !== 'fulfilled'
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
    ],
    ...(pg.value.running ? { postgres: pg.value.running } : {}),
    ...(temporal.value.running ? { temporal: temporal.value.running } : {}),
    ...(kafka.value.running ? { kafka: kafka.value.running } : {}),
    stop,
  };
}

/** Hides the password of a connection URL for logs. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
