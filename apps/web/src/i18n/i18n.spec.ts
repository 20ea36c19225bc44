import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import en from './en.json';
import id from './id.json';
import { flattenKeys, placeholders } from './keys';

const languages = { id: flattenKeys(id), en: flattenKeys(en) };

/** The literal keys the console's source passes to `t(...)`. */
function keysUsedInSource(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return keysUsedInSource(path);
    if (!/\.tsx?$/.test(entry.name) || entry.name.endsWith('.spec.ts')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/\bt\(\s*'([\w.]+)'/g)].map((match) => match[1] ?? '');
  });
}

describe('translations', () => {
  it.each(Object.entries(languages))('%s has exactly the keys of the other language', (name, keys) => {
    const other = name === 'id' ? languages.en : languages.id;
    expect([...keys.keys()].sort()).toEqual([...other.keys()].sort());
  });

  it.each(Object.entries(languages))('every %s text is a non-empty string', (_name, keys) => {
    const bad = [...keys].filter(([, text]) => typeof text !== 'string' || text.trim() === '').map(([key]) => key);
    expect(bad).toEqual([]);
  });

  it('interpolates the same placeholders in both languages', () => {
    const differing = [...languages.id].filter(([key, text]) => placeholders(String(text)).join() !== placeholders(String(languages.en.get(key) ?? '')).join());
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it('knows every key the source asks for', () => {
    const used = keysUsedInSource(join(__dirname, '..'));
    expect(used.filter((key) => !languages.id.has(key))).toEqual([]);
  });
});
