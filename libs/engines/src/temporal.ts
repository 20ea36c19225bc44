import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { Connection } from '@temporalio/client';
import { goInstall } from './go-install';
import { ManagedProcess } from './process';
import { TEMPORAL_CLI_VERSION } from './versions';
import { waitUntil } from './wait';

const MODULE = 'github.com/temporalio/cli/cmd/temporal';

function onPath(binary: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const candidate = join(dir, binary);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Where the pinned Temporal CLI lives once built. */
export function cachedTemporalCli(cacheDir: string): string {
  return join(cacheDir, `temporal-cli-${TEMPORAL_CLI_VERSION}`, 'bin', 'temporal');
}

/**
 * Finds the Temporal CLI: the pinned build in the cache, else `temporal` on PATH, else builds the
 * pinned tag with `go install` into the cache (several minutes, once per machine). Returns
 * undefined when none of these is possible.
 */
export function ensureTemporalCli(cacheDir: string, log: (line: string) => void): string | undefined {
  const cached = cachedTemporalCli(cacheDir);
  if (existsSync(cached)) return cached;
  const fromPath = onPath('temporal');
  if (fromPath) return fromPath;
  if (!onPath('go')) return undefined;
  log(`building Temporal CLI v${TEMPORAL_CLI_VERSION} with go install (once per machine, a few minutes)`);
  return goInstall({
    versionDir: join(cacheDir, `temporal-cli-${TEMPORAL_CLI_VERSION}`),
    binary: 'temporal',
    module: MODULE,
    version: TEMPORAL_CLI_VERSION,
    ldflags: `-s -w -X github.com/temporalio/cli/temporalcli.Version=${TEMPORAL_CLI_VERSION}`,
  });
}

export interface TemporalDevServerOptions {
  binary: string;
  port: number;
  /** Web UI port; `null` runs headless. */
  uiPort: number | null;
  /** SQLite file for persistent state; undefined keeps state in memory. */
  dbFile?: string;
  logFile: string;
  /** Extra dynamic config, e.g. lowered history limits for scale tests. */
  dynamicConfig?: Record<string, unknown>;
}

export interface RunningTemporal {
  address: string;
  uiUrl?: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/** Starts `temporal server start-dev` and waits until the default namespace answers. */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<RunningTemporal> {
  const dynamicConfig: Record<string, unknown> = {
    // Human decisions are Updates (ADR 0001); the dev server needs them switched on.
    'frontend.enableUpdateWorkflowExecution': true,
    'frontend.enableUpdateWorkflowExecutionAsyncAccepted': true,
    ...options.dynamicConfig,
  };
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--log-format',
    'json',
    '--log-level',
    'warn',
  ];
  if (options.uiPort === null) args.push('--headless');
  else args.push('--ui-port', String(options.uiPort));
  if (options.dbFile) args.push('--db-filename', options.dbFile);
  for (const [key, value] of Object.entries(dynamicConfig))
    args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);
  const proc = new ManagedProcess({
    name: 'temporal',
    command: options.binary,
    args,
    logFile: options.logFile,
  });
  const address = `127.0.0.1:${options.port}`;
  await waitUntil(
    'Temporal',
    async () => {
      const connection = await Connection.connect({ address, connectTimeout: 2_000 });
      try {
        await connection.workflowService.describeNamespace({ namespace: 'default' });
      } finally {
        await connection.close();
      }
    },
    {
      timeoutMs: 60_000,
      intervalMs: 250,
      abortIf: () => (proc.hasExited ? `exited early, see ${options.logFile}` : undefined),
    },
  );
  return {
    address,
    ...(options.uiPort === null ? {} : { uiUrl: `http://127.0.0.1:${options.uiPort}` }),
    process: proc,
    stop: () => proc.stop('SIGTERM', 20_000),
  };
}
