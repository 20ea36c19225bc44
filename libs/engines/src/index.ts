export { ManagedProcess, type ManagedProcessOptions } from './process';
export { freePort, isPortFree } from './ports';
export { waitUntil } from './wait';
export { startEmbeddedPostgres, postgresBinDir, DEFAULT_DATABASE, type RunningPostgres } from './postgres';
export { ensureTemporalCli, cachedTemporalCli, startTemporalDevServer, type RunningTemporal } from './temporal';
export { ensureKafkaJars, startKafkaBroker, kafkaUnavailableReason, parseJavaMajor, KAFKA_POM, type RunningKafka } from './kafka';
export { startEngines, redact, type EngineEndpoints, type EngineStatus, type EngineName, type RunningEngines, type StartEnginesOptions } from './stack';
export { TEMPORAL_CLI_VERSION, TEMPORAL_SERVER_VERSION, KAFKA_VERSION, COMPOSE_VERSION } from './versions';
export { ensureComposeCli, type ComposeCommand } from './compose';
