/** Injection tokens for the connections the API holds (one of each per process). */
export const CONFIG = Symbol('CONFIG');
export const SQL = Symbol('SQL');
export const TEMPORAL = Symbol('TEMPORAL');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
export const KAFKA_ADMIN = Symbol('KAFKA_ADMIN');
export const CLOCK = Symbol('CLOCK');
