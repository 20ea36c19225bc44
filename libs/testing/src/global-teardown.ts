import { rmSync } from 'node:fs';
import { HANDLE_KEY, type TestEnginesHandle } from './global-setup';

/** Stops the engines globalSetup started and removes their temporary folder. */
export default async function globalTeardown(): Promise<void> {
  const handle = (globalThis as Record<string, unknown>)[HANDLE_KEY] as TestEnginesHandle | undefined;
  if (!handle) return;
  await handle.engines.stop();
  rmSync(handle.dir, { recursive: true, force: true });
}
