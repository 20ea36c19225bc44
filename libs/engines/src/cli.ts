import { loadConfigOrExit } from '@selter/config';
import { ensureComposeCli } from './compose';
import { ensureKafkaJars } from './kafka';
import { ensureTemporalCli } from './temporal';
import { ensureTemporalTestServer } from './temporal-test-server';

/**
 * `install`: builds or fetches the engines that the configuration will need and the cache
 * lacks, and the compose CLI the deployment test uses. Engines pointed at by TEMPORAL_ADDRESS or KAFKA_BROKERS are not installed.
 */
function main(command: string | undefined, flags: string[]): void {
  const config = loadConfigOrExit();
  const log = (line: string): void => void process.stderr.write(`[engines] ${line}\n`);
  if (command !== 'install') {
    log(`unknown command "${command ?? ''}"; usage: engines install [--with-compose]`);
    process.exit(64);
  }
  if (!config.external.temporalAddress) {
    const cli = ensureTemporalCli(config.cacheDir, log);
    log(cli ? `Temporal CLI: ${cli}` : 'Temporal CLI: not found and Go is missing; set TEMPORAL_ADDRESS');
  }
  if (!config.external.kafkaBrokers) {
    const libs = ensureKafkaJars(config.cacheDir, log);
    if (libs) log(`Kafka jars: ${libs}`);
  }
  if (flags.includes('--with-compose')) {
    // The deadline tests skip weeks of timers on it.
    const testServer = ensureTemporalTestServer(config.cacheDir, log);
    log(testServer ? `Temporal test server jars: ${testServer}` : 'Temporal test server: unavailable (needs Java and Maven)');
    // The tests validate docker-compose.yml with it.
    const compose = ensureComposeCli(config.cacheDir, log);
    log(compose ? `docker compose: ${[compose.command, ...compose.args].join(' ')}` : 'docker compose: unavailable (needs Go)');
  }
}

main(process.argv[2], process.argv.slice(3));
