/** Injection tokens for the connections the API holds (one of each per process). */
export const CONFIG = Symbol('CONFIG');
export const SQL = Symbol('SQL');
export const TEMPORAL = Symbol('TEMPORAL');
export const KAFKA_ADMIN = Symbol('KAFKA_ADMIN');
