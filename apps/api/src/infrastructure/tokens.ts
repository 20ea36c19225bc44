/** Injection tokens for the connections the API holds (one of each per process). */
export const CONFIG = Symbol('CONFIG');
export const SQL = Symbol('SQL');
export const TEMPORAL = Symbol('TEMPORAL');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
/** The codec that encrypts Temporal payloads (ADR 33), also behind POST /codec/decode. */
export const PAYLOAD_CODEC = Symbol('PAYLOAD_CODEC');
export const KAFKA_ADMIN = Symbol('KAFKA_ADMIN');
export const CLOCK = Symbol('CLOCK');
