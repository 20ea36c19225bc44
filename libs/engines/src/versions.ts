/**
 * Engine versions, pinned. Bumping one changes its cache key, so every clone rebuilds it once.
 * Why these: ADR 0002.
 */
export const TEMPORAL_CLI_VERSION = '1.5.1';
export const KAFKA_VERSION = '3.9.1';
