import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { RESOURCES } from './index';
import { flattenKeys, placeholders } from './keys';

const SRC = join(__dirname, '..');
type Namespace = keyof (typeof RESOURCES)['id'];
const namespaces = Object.keys(RESOURCES.id) as Namespace[];
const keysOf = (language: 'id' | 'en', ns: Namespace) => flattenKeys(RESOURCES[language][ns]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.spec\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')
      ? [path]
      : [];
  });
}

/**
 * The literal keys the console's source asks for, with their namespace: in src/features/<ns>/ a
 * `t('key')` is of that feature's namespace, elsewhere of `translation`; `tc('key')` is always of
 * `translation` (the shared texts a feature also uses).
 */
function keysUsedInSource(): Array<{ ns: string; key: string; file: string }> {
  return sourceFiles(SRC).flatMap((file) => {
    const parts = relative(SRC, file).split(sep);
    const own = parts[0] === 'features' && parts[1] ? parts[1] : 'translation';
    const text = readFileSync(file, 'utf8');
    return [
      ...[...text.matchAll(/\bt\(\s*'([\w.]+)'/g)].map((m) => ({ ns: own, key: m[1] ?? '', file })),
      ...[...text.matchAll(/\btc\(\s*'([\w.]+)'/g)].map((m) => ({
        ns: 'translation',
        key: m[1] ?? '',
        file,
      })),
    ];
  });
}

describe.each(namespaces)('translations of %s', (ns) => {
  const id = keysOf('id', ns);
  const en = keysOf('en', ns);

  it('has exactly the same keys in Bahasa Indonesia and English', () => {
    expect([...en.keys()].sort()).toEqual([...id.keys()].sort());
  });

  it('has a non-empty text for every key in both languages', () => {
    const bad = [...id, ...en]
      .filter(([, text]) => typeof text !== 'string' || text.trim() === '')
      .map(([key]) => key);
    expect(bad).toEqual([]);
  });

  it('interpolates the same placeholders in both languages', () => {
    const differing = [...id].filter(
      ([key, text]) => placeholders(String(text)).join() !== placeholders(String(en.get(key) ?? '')).join(),
    );
    expect(differing.map(([key]) => key)).toEqual([]);
  });
});

describe('the source', () => {
  it('asks only for keys that exist', () => {
    // A plural key (i18next's `key_one`, `key_other`) is asked for by its stem.
    const known = (ns: string, key: string) =>
      ['', '_one', '_other'].some((suffix) => keysOf('id', ns as Namespace).has(key + suffix));
    const missing = keysUsedInSource().filter(({ ns, key }) => !known(ns, key));
    expect(missing.map(({ ns, key, file }) => `${ns}:${key} (${relative(SRC, file)})`)).toEqual([]);
  });
});
