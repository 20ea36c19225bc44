import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * The one way Selter makes a logger: JSON lines (for machines and log shippers) or, in a
 * terminal, the same records pretty-printed. `component` names the process part.
 */
export function createLogger(options: { component: string; level: string; format: 'json' | 'pretty' }): Logger {
  const base = { level: options.level, base: { component: options.component }, timestamp: pino.stdTimeFunctions.isoTime };
  if (options.format === 'json') return pino(base);
  return pino({
    ...base,
    transport: {
      target: 'pino-pretty',
      options: { colorize: true, singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,component', messageFormat: '[{component}] {msg}' },
    },
  });
}
