import { loadConfigOrExit } from '@selter/config';
import { createLogger } from '@selter/logging';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = createLogger({ component: 'api', level: config.log.level, format: config.log.format });
  const { databaseUrl, temporalAddress, kafkaBrokers } = config.external;
  if (!databaseUrl || !temporalAddress) {
    log.fatal('DATABASE_URL and TEMPORAL_ADDRESS are required for the api (npm start sets them for the embedded engines)');
    process.exit(78);
  }
  const app = await createApiApp(config, { databaseUrl, temporalAddress, ...(kafkaBrokers ? { kafkaBrokers } : {}) }, log);
  await app.listen(config.http.port, config.http.host);
  log.info({ url: `http://${config.http.host}:${config.http.port}` }, 'api listening');
}

main().catch((error: unknown) => {
  process.stderr.write(`api failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
