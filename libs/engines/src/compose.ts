import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { COMPOSE_VERSION } from './versions';

/** How to run `docker compose`: the docker CLI plugin, or a standalone build. */
export interface ComposeCommand {
  command: string;
  args: string[];
}

/**
 * Finds a `docker compose` able to validate our compose file: the docker CLI plugin when
 * installed, else the pinned standalone build in the cache, else builds it with `go install`
 * (about 2 minutes, once per machine). Undefined when none is possible. Only `config` is used:
 * no Docker engine runs here.
 */
export function ensureComposeCli(cacheDir: string, log: (line: string) => void): ComposeCommand | undefined {
  if (spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0)
    return { command: 'docker', args: ['compose'] };
  const versionDir = join(cacheDir, `compose-${COMPOSE_VERSION}`);
  const binary = join(versionDir, 'bin', 'docker-compose');
  if (existsSync(binary)) return { command: binary, args: [] };
  if (spawnSync('go', ['version'], { stdio: 'ignore' }).status !== 0) return undefined;
  const staging = join(versionDir, `bin.${process.pid}`);
  mkdirSync(staging, { recursive: true });
  log(`building docker compose v${COMPOSE_VERSION} with go install (once per machine, about 2 minutes)`);
  execFileSync(
    'go',
    [
      'install',
      '-ldflags',
      `-s -w -X github.com/docker/compose/v2/internal.Version=v${COMPOSE_VERSION}`,
      `github.com/docker/compose/v2/cmd@v${COMPOSE_VERSION}`,
    ],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        CGO_ENABLED: '0',
        GOTOOLCHAIN: 'local',
        GOBIN: staging,
        GOFLAGS: '-buildvcs=false',
      },
    },
  );
  renameSync(join(staging, 'cmd'), join(staging, 'docker-compose'));
  if (!existsSync(binary)) renameSync(staging, join(versionDir, 'bin'));
  rmSync(staging, { recursive: true, force: true });
  return { command: binary, args: [] };
}
