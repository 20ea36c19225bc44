import { loadConfigOrExit } from '@selter/config';
import { refuseUnsafeDatabase } from '@selter/event-store';
import { createLogger } from '@selter/logging';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = createLogger({ component: 'api', level: config.log.level, format: config.log.format });
  if (config.env === 'production' && !config.api.issuer) {
    log.fatal(
      'production needs a trusted issuer: set AUTH_ISSUER and AUTH_JWKS_URL (the API would answer 401 to everyone)',
    );
    process.exit(78);
  }
  const { databaseUrl, temporalAddress, kafkaBrokers } = config.external;
  if (!databaseUrl || !temporalAddress) {
    log.fatal(
      'DATABASE_URL and TEMPORAL_ADDRESS are required for the api (npm start sets them for the embedded engines)',
    );
    process.exit(78);
  }
  // The API stores decisions (idempotency records) and answers for ones the worker stored: it never
  // serves from a database that may lose an acknowledged commit, nor as a role that could rewrite the log.
  await refuseUnsafeDatabase(databaseUrl, { production: config.env === 'production', log });
  const app = await createApiApp(
    config,
    { databaseUrl, temporalAddress, ...(kafkaBrokers ? { kafkaBrokers } : {}) },
    log,
  );
  await app.listen(config.http.port, config.http.host);
  log.info({ url: `http://${config.http.host}:${config.http.port}` }, 'api listening');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `api failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
