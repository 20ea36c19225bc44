/** How the library reports; pass `(msg, fields) => logger.info(fields, msg)` for pino. */
export type Log = (message: string, fields?: Record<string, unknown>) => void;

export const silent: Log = () => undefined;
