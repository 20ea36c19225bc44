/** The variables through which globalSetup hands the engines' addresses to test workers. */
export const TEST_ENV = {
  databaseUrl: 'SELTER_TEST_DATABASE_URL',
  temporalAddress: 'SELTER_TEST_TEMPORAL_ADDRESS',
  kafkaBrokers: 'SELTER_TEST_KAFKA_BROKERS',
  cacheDir: 'SELTER_TEST_CACHE_DIR',
  workDir: 'SELTER_TEST_WORK_DIR',
} as const;
