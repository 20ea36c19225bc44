import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `go install <module>@v<version>` into `<versionDir>/bin` (static, no VCS stamp, the local
 * toolchain), built in a private folder and renamed, so two clones building at once never see half
 * a binary. Returns the path of `<versionDir>/bin/<binary>`.
 */
export function goInstall(o: {
  versionDir: string;
  binary: string;
  module: string;
  version: string;
  ldflags: string;
}): string {
  const built = join(o.versionDir, 'bin', o.binary);
  const staging = join(o.versionDir, `bin.${process.pid}`);
  mkdirSync(staging, { recursive: true });
  execFileSync('go', ['install', '-ldflags', o.ldflags, `${o.module}@v${o.version}`], {
    stdio: 'inherit',
    env: {
      ...process.env,
      CGO_ENABLED: '0',
      GOTOOLCHAIN: 'local',
      GOBIN: staging,
      GOFLAGS: '-buildvcs=false',
    },
  });
  if (!existsSync(built)) renameSync(staging, join(o.versionDir, 'bin'));
  rmSync(staging, { recursive: true, force: true });
  return built;
}
