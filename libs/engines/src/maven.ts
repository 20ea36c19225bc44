import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function javaMajor(): number | undefined {
  // `java -version` prints to stderr.
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return result.error ? undefined : parseJavaMajor(`${result.stdout}${result.stderr}`);
}

/** `openjdk version "17.0.15"` → 17; `"1.8.0_392"` → 8. */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match?.[1]) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

/** Why a Java engine needing `minJava` cannot run here, or undefined when it can. */
export function javaUnavailableReason(minJava: number, what: string): string | undefined {
  const major = javaMajor();
  if (major === undefined) return 'no java on PATH';
  if (major < minJava) return `java ${major} found, ${what} needs ${minJava}+`;
  return undefined;
}

export interface MavenEngine {
  /** Cache folder name, e.g. `kafka-3.9.1`. */
  readonly key: string;
  readonly title: string;
  /** The tools pom that pins the jars. */
  readonly pom: string;
  readonly minJava: number;
}

/**
 * Fetches an engine's jars from Maven Central into `<cache>/<key>/libs` once and returns that
 * folder; undefined (with the reason logged) when Java or Maven is missing. Staged and renamed,
 * so a crash mid-download never leaves a half-filled cache that looks complete.
 */
export function ensureMavenJars(
  engine: MavenEngine,
  cacheDir: string,
  log: (line: string) => void,
): string | undefined {
  const libs = join(cacheDir, engine.key, 'libs');
  if (existsSync(join(libs, '.complete'))) return libs;
  const reason =
    javaUnavailableReason(engine.minJava, engine.title) ??
    (spawnSync('mvn', ['-v'], { stdio: 'ignore' }).status === 0 ? undefined : 'no mvn on PATH');
  if (reason) {
    log(`${engine.title} unavailable: ${reason}`);
    return undefined;
  }
  const staging = `${libs}.${process.pid}`;
  log(`fetching ${engine.title} jars from Maven Central (once per machine)`);
  execFileSync(
    'mvn',
    [
      '-B',
      '-q',
      '-f',
      engine.pom,
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${staging}`,
    ],
    { stdio: 'inherit' },
  );
  writeFileSync(join(staging, '.complete'), `${engine.key}\n`);
  if (!existsSync(join(libs, '.complete'))) {
    rmSync(libs, { recursive: true, force: true });
    renameSync(staging, libs);
  }
  rmSync(staging, { recursive: true, force: true });
  return libs;
}
