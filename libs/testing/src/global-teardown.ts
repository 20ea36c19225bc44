import { rmSync } from 'node:fs';
import { HANDLE_KEY, type TestEnginesHandle } from './global-setup';
import { treeChangesOfThisRun } from './work-tree';

/**
 * Stops the engines globalSetup started and removes their temporary folder. Under `npm test`, then
 * fails the run if it changed the work tree: a fresh clone must be as clean after `npm test` as
 * before it (issue 15; the lockfile is installed with `npm ci`, ADR 25).
 */
export default async function globalTeardown(): Promise<void> {
  const handle = (globalThis as Record<string, unknown>)[HANDLE_KEY] as TestEnginesHandle | undefined;
  if (handle) {
    await handle.engines.stop();
    rmSync(handle.dir, { recursive: true, force: true });
  }
  const changed = treeChangesOfThisRun();
  if (changed?.length)
    throw new Error(
      `npm test changed the work tree (git status, lines not there before the run):\n${changed.join('\n')}\n` +
        'A test or the bootstrap wrote a tracked file or left an untracked one: write under tmp/ or the OS temp folder.',
    );
}
