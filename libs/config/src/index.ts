export { configSchema, toConfig, type Config, type RawConfig } from './schema';
export { loadConfig, loadConfigOrExit, ConfigError } from './load';
export { kafkaSecurity, temporalSecurity } from './clients';
