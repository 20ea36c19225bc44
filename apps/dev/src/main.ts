import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfigOrExit } from '@selter/config';
import { isPortFree, redact, startEngines, waitUntil } from '@selter/engines';
import { createLogger } from '@selter/logging';
import { DEMO_ROUNDS } from '@selter/domain/testing';
import { httpDemoApi, seedDemo } from './demo';
import { runMigrateStep, SupervisedService } from './service';

/**
 * `npm start`: PostgreSQL, Temporal (with its Web UI), Kafka and Keycloak (the identity provider,
 * ADR 0026) on embedded defaults (or the servers named by DATABASE_URL, TEMPORAL_ADDRESS,
 * KAFKA_BROKERS, AUTH_ISSUER), then the migrate step as the
 * schema owner, then, as the services' role `selter_app` (ADR 0019), the backbone (projections,
 * relay, checkpoints), the worker and the api.
 * Ctrl-C stops everything, our processes first and PostgreSQL last; data stays in SELTER_DATA_DIR.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = createLogger({ component: 'selter', level: config.log.level, format: config.log.format });
  const ports = config.embeddedPorts;
  const wanted: Array<[string, number, boolean]> = [
    ['HTTP_PORT', config.http.port, true],
    ['BACKBONE_HTTP_PORT', config.backbone.httpPort, true],
    ['PG_PORT', ports.postgres, !config.external.databaseUrl],
    ['TEMPORAL_PORT', ports.temporal, !config.external.temporalAddress],
    ['TEMPORAL_UI_PORT', ports.temporalUi, !config.external.temporalAddress],
    ['KAFKA_PORT', ports.kafka, !config.external.kafkaBrokers],
    ['KEYCLOAK_PORT', ports.keycloak, !config.api.issuer],
  ];
  for (const [name, port, needed] of wanted) {
    if (needed && !(await isPortFree(port))) {
      log.fatal(`port ${port} is in use (another npm start?); free it or set ${name}`);
      process.exit(78);
    }
  }
  // The first start with an empty data folder seeds demo rounds (SELTER_DEMO=off: never), deciding
  // each at its day on the api's clock, which is adjustable for that start only (ADR 11).
  const fresh = !existsSync(config.dataDir) || readdirSync(config.dataDir).length === 0;
  const demo = fresh && config.demo && !config.external.databaseUrl && config.api.devIssuer !== 'off';
  log.info({ dataDir: config.dataDir, cacheDir: config.cacheDir }, 'starting engines');
  const engines = await startEngines({
    dataDir: config.dataDir,
    cacheDir: config.cacheDir,
    persistent: true,
    ports,
    external: config.external,
    // An AUTH_ISSUER of the caller's own replaces the embedded identity provider.
    keycloak: !config.api.issuer,
    log: (line) => log.info(line),
  });
  for (const s of engines.status)
    log.info({ engine: s.name, mode: s.mode }, `${s.name}: ${s.mode} (${s.detail})`);
  const e = engines.endpoints;
  const { DATABASE_OWNER_URL: _owner, DATABASE_OWNER_PASSWORD_FILE: _ownerFile, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    DATABASE_URL: e.databaseUrl,
    TEMPORAL_ADDRESS: e.temporalAddress,
    ...(e.kafkaBrokers ? { KAFKA_BROKERS: e.kafkaBrokers.join(',') } : {}),
    LOG_FORMAT: config.log.format,
    ...(demo ? { API_CLOCK: 'adjustable' } : {}),
    // The embedded setup runs the built-in development issuer unless DEV_ISSUER=off (ADR 10); the
    // console offers its seeded users beside the sign-in at Keycloak (ADR 34).
    DEV_ISSUER: config.api.devIssuer ?? 'on',
    // The api trusts the embedded Keycloak's realm beside it (ADR 0026).
    ...(e.keycloak ? { AUTH_ISSUER: e.keycloak.issuer, AUTH_JWKS_URL: e.keycloak.jwksUrl } : {}),
  };
  const logDir = `${config.dataDir}/logs`;
  // The owner's URL goes to the migrate step only; the services never see it.
  const migrated = await runMigrateStep({ ...env, DATABASE_OWNER_URL: e.databaseOwnerUrl }, logDir);
  if (!migrated) {
    log.fatal(`the migrate step failed (see ${logDir}/migrate.log); stopping`);
    await engines.stop();
    process.exit(1);
  }
  const services = [
    new SupervisedService({ name: 'backbone', entry: 'apps/backbone/src/main.ts', env, logDir }, log),
    new SupervisedService({ name: 'worker', entry: 'apps/worker/src/main.ts', env, logDir }, log),
    new SupervisedService({ name: 'api', entry: 'apps/api/src/main.ts', env, logDir }, log),
  ];
  // The witness (ADR 18) starts once the backbone has made its checkpoint key; its own key is kept in
  // SELTER_DATA_DIR/keys (0600), its state in SELTER_DATA_DIR/witness.
  const witness = new SupervisedService(
    { name: 'witness', entry: 'apps/witness/src/main.ts', env, logDir },
    log,
  );
  let shuttingDown: Promise<void> | undefined;
  const shutdown = (signal: string): Promise<void> =>
    (shuttingDown ??= (async () => {
      log.info(`${signal}: stopping witness, api, worker and backbone, then the engines`);
      await Promise.all([witness, ...services].map((s) => s.stop()));
      await engines.stop();
      log.info('stopped; data kept in ' + config.dataDir);
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => void shutdown(signal).then(() => process.exit(0)));
  }
  for (const service of services) service.start();
  const api = `http://${config.http.host}:${config.http.port}`;
  try {
    await waitUntil(
      'api',
      async () => {
        const res = await fetch(`${api}/health`);
        if (!res.ok) throw new Error(`health ${res.status}: ${await res.text()}`);
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
  } catch (error) {
    log.fatal({ err: error, logDir }, 'the service did not become ready; stopping');
    await shutdown('startup failure');
    process.exit(1);
  }
  if (e.kafkaBrokers) witness.start();
  const demoLines = demo ? await seedDemoRounds(api, config.dataDir, log) : [];
  const lines = [
    '',
    'Selter is up.',
    `  Web console    ${api}/console/   (public page: ${api}/publik/<agency>)`,
    `  API health     ${api}/health`,
    `  API docs       ${api}/docs`,
    `  Backbone       http://${config.http.host}:${config.backbone.httpPort}/health   (checkpoint signing; /metrics)`,
    `  Witness        cosigns checkpoints on ${e.kafkaBrokers ? 'selter.cosignature.v1' : '(needs Kafka)'}`,
    `  Temporal UI    ${e.temporalUiUrl ?? '(external Temporal: see its own UI)'}`,
    `  PostgreSQL     ${redact(e.databaseUrl)}`,
    `  Temporal       ${e.temporalAddress}`,
    `  Kafka          ${e.kafkaBrokers?.join(',') ?? 'none: events wait in the outbox until KAFKA_BROKERS is set'}`,
    ...keycloakLines(e.keycloak, config.api.issuer?.issuer),
    `  Logs           ${logDir}/`,
    ...demoLines,
    ...(await seededUsers(api)),
    'Press Ctrl-C to stop.',
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

/** Seeds the demo rounds once; a failure is reported and leaves the service running. */
async function seedDemoRounds(
  api: string,
  dataDir: string,
  log: ReturnType<typeof createLogger>,
): Promise<string[]> {
  const marker = join(dataDir, 'demo-seeded');
  const started = Date.now();
  try {
    let admin: Promise<string> | undefined;
    const demoApi = httpDemoApi(api, () => (admin ??= demoApi.token('admin')));
    await seedDemo(demoApi, Date.now(), (line) => log.info(line));
    writeFileSync(marker, `${new Date().toISOString()}\n`);
    return [
      `  Demo           ${DEMO_ROUNDS.length} rounds of kabcontoh at several stages (${Math.round((Date.now() - started) / 1000)} s; SELTER_DEMO=off to skip)`,
    ];
  } catch (error) {
    log.warn({ err: error }, 'the demo rounds could not be seeded; the service runs without them');
    return [`  Demo           not seeded: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/** Where tokens come from besides the development issuer: the embedded Keycloak, or the caller's issuer. */
function keycloakLines(
  keycloak: { url: string; issuer: string; adminPasswordFile: string } | undefined,
  external: string | undefined,
): string[] {
  if (!keycloak)
    return [
      `  Identity       ${external ?? 'no Keycloak (needs Java 17+, Maven and unzip): development issuer only'}`,
    ];
  return [
    `  Keycloak       ${keycloak.issuer}   (the console signs in here: OpenID Connect with PKCE)`,
    `  Keycloak admin ${keycloak.url}/admin/   (user admin, password in ${keycloak.adminPasswordFile})`,
    '                 realm users: the seeded users below, password Selter-Dev-2026 (deploy/keycloak/README.md)',
  ];
}

/** The development issuer's seeded users, as the running api lists them, and how to get a token. */
async function seededUsers(api: string): Promise<string[]> {
  const res = await fetch(`${api}/dev-auth/users`).catch(() => undefined);
  if (!res?.ok)
    return ['  Auth           development issuer off (DEV_ISSUER=off): tokens come from AUTH_ISSUER'];
  const users = (await res.json()) as Array<{
    sub: string;
    role: string;
    agency?: string;
    oversight_body?: string;
  }>;
  return [
    '',
    'Seeded users (development issuer, tokens valid 1 h):',
    ...users.map(
      (u) => `  ${u.sub.padEnd(20)} ${u.role.padEnd(10)} ${u.agency ?? u.oversight_body ?? 'all agencies'}`,
    ),
    'Get a token:',
    `  curl -s -X POST ${api}/dev-auth/token -H 'content-type: application/json' -d '{"user":"operator.kabcontoh"}'`,
    `Then: curl -H "Authorization: Bearer <access_token>" ${api}/inbox   (examples: apps/api/api.http)`,
    '',
  ];
}

main().catch((error: unknown) => {
  process.stderr.write(`selter failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
