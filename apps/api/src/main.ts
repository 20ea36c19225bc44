import { loadConfigOrExit } from '@selter/config';
import { assertDurable, exitIfNotDurable } from '@selter/event-store';
import { createLogger, type Logger } from '@selter/logging';
import postgres from 'postgres';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = createLogger({ component: 'api', level: config.log.level, format: config.log.format });
  if (config.env === 'production' && !config.api.issuer) {
    log.fatal('production needs a trusted issuer: set AUTH_ISSUER and AUTH_JWKS_URL (the API would answer 401 to everyone)');
    process.exit(78);
  }
  const { databaseUrl, temporalAddress, kafkaBrokers } = config.external;
  if (!databaseUrl || !temporalAddress) {
    log.fatal(
      'DATABASE_URL and TEMPORAL_ADDRESS are required for the api (npm start sets them for the embedded engines)',
    );
    process.exit(78);
  }
  await refuseUnlessDurable(databaseUrl, log);
  const app = await createApiApp(
    config,
    { databaseUrl, temporalAddress, ...(kafkaBrokers ? { kafkaBrokers } : {}) },
    log,
  );
  await app.listen(config.http.port, config.http.host);
  log.info({ url: `http://${config.http.host}:${config.http.port}` }, 'api listening');
}

/**
 * The API stores decisions (idempotency records) and answers for ones the worker stored: it never
 * serves from a database that may lose an acknowledged commit (fsync, synchronous_commit,
 * full_page_writes). Unlike Temporal, the database must therefore answer when the API starts.
 */
async function refuseUnlessDurable(databaseUrl: string, log: Logger): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, connect_timeout: 5, onnotice: () => undefined });
  try {
    await assertDurable(sql).catch((error: unknown) => exitIfNotDurable(error, log));
  } finally {
    await sql.end({ timeout: 1 });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `api failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
