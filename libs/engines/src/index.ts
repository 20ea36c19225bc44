export { ManagedProcess, type ManagedProcessOptions } from './process';
export { freePort, freeServerPort, isPortFree } from './ports';
export { waitUntil } from './wait';
export { startEmbeddedPostgres, postgresBinDir, DEFAULT_DATABASE, type RunningPostgres } from './postgres';
export {
  DB_ROLES,
  embeddedDatabaseUrl,
  roleUrl,
  rolePassword,
  secretsDirOf,
  storedPassword,
  type DbRole,
} from './pg-roles';
export {
  ensureTemporalCli,
  cachedTemporalCli,
  startTemporalDevServer,
  type RunningTemporal,
} from './temporal';
export {
  ensureKafkaJars,
  startKafkaBroker,
  kafkaUnavailableReason,
  KAFKA_POM,
  type RunningKafka,
} from './kafka';
export {
  ensureKeycloak,
  cachedKeycloakHome,
  startKeycloak,
  keycloakUrls,
  keycloakUnavailableReason,
  SELTER_REALM,
  SELTER_REALM_FILE,
  type KeycloakOptions,
  type RunningKeycloak,
} from './keycloak';
export { parseJavaMajor, ensureMavenJars, type MavenEngine } from './maven';
export {
  ensureTemporalTestServer,
  startTemporalTestServer,
  connectWithTestService,
  type RunningTemporalTestServer,
} from './temporal-test-server';
export {
  startEngines,
  redact,
  type EngineEndpoints,
  type EngineStatus,
  type EngineName,
  type RunningEngines,
  type StartEnginesOptions,
} from './stack';
export {
  TEMPORAL_CLI_VERSION,
  TEMPORAL_SERVER_VERSION,
  KAFKA_VERSION,
  COMPOSE_VERSION,
  TEMPORAL_TEST_SERVER_VERSION,
  KEYCLOAK_VERSION,
} from './versions';
export { ensureComposeCli, type ComposeCommand } from './compose';
export { ensureKubeTools, type KubeTools } from './kube-tools';
export {
  findChromium,
  ensureChromium,
  chromiumMissing,
  CHROMIUM_ARGS,
  CHROMIUM_CANDIDATES,
  CHROMIUM_INSTALL,
  type ChromiumHost,
} from './browser';
