/** The variables through which globalSetup hands the engines' addresses to test workers. */
export const TEST_ENV = {
  superuserUrl: 'SELTER_TEST_DATABASE_SUPERUSER_URL',
  ownerUrl: 'SELTER_TEST_DATABASE_OWNER_URL',
  appUrl: 'SELTER_TEST_DATABASE_APP_URL',
  temporalAddress: 'SELTER_TEST_TEMPORAL_ADDRESS',
  kafkaBrokers: 'SELTER_TEST_KAFKA_BROKERS',
  cacheDir: 'SELTER_TEST_CACHE_DIR',
  workDir: 'SELTER_TEST_WORK_DIR',
} as const;
