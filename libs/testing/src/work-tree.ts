import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/** What `git status` says of the work tree (porcelain v1, untracked files listed), or undefined outside git. */
export function workTreeStatus(cwd = ROOT): string[] | undefined {
  const git = spawnSync('git', ['status', '--porcelain=v1', '--untracked-files=all'], {
    cwd,
    encoding: 'utf8',
  });
  return git.status === 0 ? git.stdout.split('\n').filter(Boolean) : undefined;
}

/** The lines of `now` that `before` does not have: what changed in the tree in between. */
export function treeChanges(before: readonly string[], now: readonly string[]): string[] {
  const had = new Set(before);
  return now.filter((line) => !had.has(line));
}

/**
 * For `npm test` (SELTER_CHECK_TREE=1): the tree changes since the bootstrap recorded it before
 * installing anything (scripts/bootstrap.cjs, tmp/tree-before-test.txt). Empty when the run, its
 * install and every test together left the tree as they found it; undefined when not asked.
 */
export function treeChangesOfThisRun(): string[] | undefined {
  const record = join(ROOT, 'tmp', 'tree-before-test.txt');
  if (process.env.SELTER_CHECK_TREE !== '1' || !existsSync(record)) return undefined;
  const now = workTreeStatus();
  if (!now) return undefined;
  return treeChanges(readFileSync(record, 'utf8').split('\n').filter(Boolean), now);
}
