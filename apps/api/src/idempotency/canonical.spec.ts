import fc from 'fast-check';
import { canonical } from './idempotency.interceptor';

/** The recursive form it replaced: the fingerprints of keys stored before the change must not move. */
function recursive(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(recursive).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${recursive((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

describe('the Idempotency-Key fingerprint', () => {
  it('sorts keys at every level and writes what the recursive form wrote', () => {
    expect(canonical({ b: [1, { d: null, c: 'x' }], a: undefined })).toBe(
      '{"a":null,"b":[1,{"c":"x","d":null}]}',
    );
    expect(canonical([])).toBe('[]');
    expect(canonical({})).toBe('{}');
    fc.assert(fc.property(fc.jsonValue(), (value) => canonical(value) === recursive(value)));
  });

  it('takes 100,000 levels without overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i += 1) deep = i % 2 ? [deep] : { k: deep };
    expect(() => recursive(deep)).toThrow(RangeError);
    // Compared as a boolean: a failing diff of 400 kB would drown the report.
    expect(canonical(deep) === `${'[{"k":'.repeat(50_000)}"x"${'}]'.repeat(50_000)}`).toBe(true);
  });
});
