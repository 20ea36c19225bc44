import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { treeChanges } from '@selter/testing';

const ROOT = resolve(__dirname, '../..');

describe('the lockfile (issue 15, ADR 25)', () => {
  it('is complete and in sync with package.json, so `npm ci` installs from it unchanged', () => {
    // --dry-run: npm checks every package.json range against the lock, for every platform's optional
    // packages too, and refuses (EUSAGE, "Missing: … from lock file") a lock that lacks one.
    const ci = spawnSync('npm', ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect({
      status: ci.status,
      missing: ci.stderr.split('\n').filter((l) => l.includes('Missing')),
    }).toEqual({
      status: 0,
      missing: [],
    });
  });
});

describe('tree changes (the check `npm test` ends with)', () => {
  it('names what appeared or changed since the record, not what was already there', () => {
    const before = [' M README.md', '?? notes.txt'];
    expect(treeChanges(before, before)).toEqual([]);
    expect(
      treeChanges(before, [' M README.md', '?? notes.txt', ' M package-lock.json', '?? out.json']),
    ).toEqual([' M package-lock.json', '?? out.json']);
    expect(treeChanges(before, [' M README.md'])).toEqual([]);
  });
});
