import { loadConfigOrExit } from '@selter/config';
import { ensureChromium } from './browser';
import { ensureComposeCli } from './compose';
import { ensureKafkaJars } from './kafka';
import { ensureKeycloak } from './keycloak';
import { ensureKubeTools } from './kube-tools';
import { ensureTemporalCli } from './temporal';
import { ensureTemporalTestServer } from './temporal-test-server';

const USAGE = 'usage: engines install [--with-compose] [--with-browser] | engines browser [--dry-run]';

/**
 * Finds Chromium or installs Debian's. A machine that cannot is told what to install; `install`
 * goes on (as without Go or Java: only the tests that need it fail, saying the same).
 */
function browser(log: (line: string) => void, dryRun: boolean): boolean {
  try {
    const path = ensureChromium(log, { dryRun });
    if (path) log(`Chromium: ${path}`);
    return true;
  } catch (error) {
    log(`Chromium: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

/**
 * `install`: builds or fetches the engines that the configuration will need and the cache
 * lacks, the compose CLI the deployment test uses (`--with-compose`) and the browser of the
 * browser tests and benchmark (`--with-browser`). Engines pointed at by TEMPORAL_ADDRESS or
 * KAFKA_BROKERS are not installed; Keycloak (npm start's identity provider and the tests') is not
 * when AUTH_ISSUER names another issuer. `browser [--dry-run]`: the browser alone.
 */
function main(command: string | undefined, flags: string[]): void {
  const config = loadConfigOrExit();
  const log = (line: string): void => void process.stderr.write(`[engines] ${line}\n`);
  if (command === 'browser') {
    process.exitCode = browser(log, flags.includes('--dry-run')) ? 0 : 1;
    return;
  }
  if (command !== 'install') {
    log(`unknown command "${command ?? ''}"; ${USAGE}`);
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
  if (!config.api.issuer) {
    const keycloak = ensureKeycloak(config.cacheDir, log);
    if (keycloak) log(`Keycloak: ${keycloak}`);
  }
  if (flags.includes('--with-compose')) {
    // The deadline tests skip weeks of timers on it.
    const testServer = ensureTemporalTestServer(config.cacheDir, log);
    log(
      testServer
        ? `Temporal test server jars: ${testServer}`
        : 'Temporal test server: unavailable (needs Java and Maven)',
    );
    // The tests validate docker-compose.yml with it.
    const compose = ensureComposeCli(config.cacheDir, log);
    log(
      compose
        ? `docker compose: ${[compose.command, ...compose.args].join(' ')}`
        : 'docker compose: unavailable (needs Go)',
    );
    // The tests lint, render and validate the Helm chart with them (ADR 0032).
    const kube = ensureKubeTools(config.cacheDir, log);
    log(
      kube
        ? `helm: ${kube.helm}; kubeconform: ${kube.kubeconform}`
        : 'helm/kubeconform: unavailable (needs Go and pip)',
    );
  }
  if (flags.includes('--with-browser')) browser(log, false);
}

main(process.argv[2], process.argv.slice(3));
