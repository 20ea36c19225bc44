import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * What an error may show in a log: its kind, message, stack and the database's codes and names.
 * Never the values it was about: postgres.js errors carry the statement's `parameters` (an
 * append's payload: applicants' names, NIPs) and `detail` ("Key (...)=(...)"), Temporal failures
 * their `details`. Listing what is kept redacts by construction (ASVS L2, ADR 21).
 */
const ERROR_FIELDS = [
  'code',
  'severity',
  'routine',
  'schema_name',
  'table_name',
  'column_name',
  'constraint_name',
  'type',
] as const;

/** An error as a log record holds it: the fields above, its cause the same way. */
export function safeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error))
    return { message: typeof error === 'string' ? error : 'non-error thrown', kind: typeof error };
  const kept: Record<string, unknown> = { type: error.name, message: error.message, stack: error.stack };
  for (const field of ERROR_FIELDS) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string' || typeof value === 'number') kept[field] = value;
  }
  if (error.cause !== undefined && depth < 3) kept['cause'] = safeError(error.cause, depth + 1);
  return kept;
}

/**
 * The `err` serializer: an Error, or what pino's standard serializer made of one (its non-enumerable
 * `raw` is the Error), through `safeError`; anything else as it is. pino-http wraps its own serializer
 * around this one, so the API passes it there too.
 */
export function errorSerializer(value: unknown): unknown {
  if (value instanceof Error) return safeError(value);
  const raw = typeof value === 'object' && value !== null ? (value as { raw?: unknown }).raw : undefined;
  return raw instanceof Error ? safeError(raw) : value;
}

/**
 * The one way Selter makes a logger: JSON lines (for machines and log shippers) or, in a
 * terminal, the same records pretty-printed. `component` names the process part. Errors under
 * `err` or `error` go through `safeError`.
 */
export function createLogger(options: {
  component: string;
  level: string;
  format: 'json' | 'pretty';
}): Logger {
  const base = {
    level: options.level,
    base: { component: options.component },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: errorSerializer, error: errorSerializer },
  };
  if (options.format === 'json') return pino(base);
  return pino({
    ...base,
    transport: {
      target: 'pino-pretty',
      options: {
        colorize: true,
        singleLine: true,
        translateTime: 'SYS:HH:MM:ss.l',
        ignore: 'pid,hostname,component',
        messageFormat: '[{component}] {msg}',
      },
    },
  });
}
