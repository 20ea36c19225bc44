/**
 * Small defensive readers for event data. The domain's event shapes still change, and a read
 * model must never crash a batch over one odd event: a missing or mistyped field reads as
 * undefined and the model decides what that means.
 */
export type Fields = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value as an object, or an empty one. */
export const fieldsOf = (value: unknown): Fields => (isRecord(value) ? value : {});

export const str = (f: Fields, name: string): string | undefined => {
  const v = f[name];
  return typeof v === 'string' ? v : undefined;
};

export const num = (f: Fields, name: string): number | undefined => {
  const v = f[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

export const bool = (f: Fields, name: string): boolean | undefined => {
  const v = f[name];
  return typeof v === 'boolean' ? v : undefined;
};

/** The array's object elements; anything else reads as an empty list. */
export const list = (f: Fields, name: string): Fields[] => {
  const v = f[name];
  return Array.isArray(v) ? v.filter(isRecord) : [];
};

export const strings = (f: Fields, name: string): string[] => {
  const v = f[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

/** When the event was decided (`data.at`), else when it was recorded. */
export const eventTime = (event: { data: unknown; recordedAt: string }): string => str(fieldsOf(event.data), 'at') ?? event.recordedAt;
