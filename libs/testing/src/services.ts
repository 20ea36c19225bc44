import { join, resolve } from 'node:path';
import { ManagedProcess } from '@selter/engines';

const ROOT = resolve(__dirname, '../../..');

/** One of our processes started as `npm start` starts it (scripts/run.cjs), with every line it printed. */
export interface SpawnedService {
  process: ManagedProcess;
  lines: string[];
}

/** Starts `entry` (e.g. `apps/api/src/main.ts`) as its own process with `env`, its output kept in `logFile`. */
export function spawnService(entry: string, env: NodeJS.ProcessEnv, logFile: string): SpawnedService {
  const lines: string[] = [];
  const proc = new ManagedProcess({
    name: entry.split('/')[1] ?? entry,
    command: process.execPath,
    args: [join(ROOT, 'scripts', 'run.cjs'), join(ROOT, entry)],
    env,
    cwd: ROOT,
    logFile,
    onLine: (line) => void (line.trim() && lines.push(line)),
  });
  return { process: proc, lines };
}

/** Runs the migrate step (apps/backbone/src/migrate.ts) as the schema owner to its end; throws with its output when it fails. */
export async function runMigrateStep(ownerUrl: string, logFile: string): Promise<void> {
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_FORMAT: 'json',
    DATABASE_OWNER_URL: ownerUrl,
    DATABASE_URL: '',
  };
  const step = spawnService('apps/backbone/src/migrate.ts', env, logFile);
  const { code } = await step.process.waitForExit();
  if (code !== 0) throw new Error(`the migrate step failed (${code}):\n${step.lines.join('\n')}`);
}
