// Chromium for the browser tests and the web benchmark: Debian's package, driven by playwright-core
// (which downloads no browser of its own). Installed with apt-get, the machine's package registry.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where Debian's `chromium` (and Ubuntu's older `chromium-browser`) put the browser. */
export const CHROMIUM_CANDIDATES: readonly string[] = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * The apt-get commands that install it. Without recommends it is about 170 packages instead of
 * 300 (no avahi, samba, perl, notification daemon); a font still comes with it, fonts-dejavu-core
 * through libfontconfig1, and renders Indonesian text (Latin script): checked in a fresh
 * `debootstrap --variant=minbase bookworm` root, where headless Chromium 156 then drew id-ID text.
 */
export const CHROMIUM_INSTALL: ReadonlyArray<readonly string[]> = [
  ['apt-get', 'update', '-q'],
  ['apt-get', 'install', '-y', '-q', '--no-install-recommends', 'chromium'],
];

/**
 * Headless flags that need no network and no display: no sandbox (we run as root), /tmp instead
 * of a small /dev/shm, software rendering, and none of the background fetches (component
 * updates, sync, default apps, metrics upload) a first run would try.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-sync',
  '--metrics-recording-only',
  '--mute-audio',
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The browser to drive: CHROMIUM_PATH when set (an explicit choice is never swapped for another;
 * undefined when it is not an executable), else the first of CHROMIUM_CANDIDATES installed.
 * CHROMIUM_PATH is a tooling variable, like PATH, read here and not by the service's config.
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  candidates: readonly string[] = CHROMIUM_CANDIDATES,
): string | undefined {
  const given = env['CHROMIUM_PATH'];
  if (given) return isExecutable(given) ? given : undefined;
  return candidates.find(isExecutable);
}

/** What to do when no browser is found, in one message (also thrown by the tests' launcher). */
export function chromiumMissing(env: NodeJS.ProcessEnv = process.env): string {
  const given = env['CHROMIUM_PATH'];
  if (given)
    return `CHROMIUM_PATH=${given} is not an executable file: point it at a Chromium or Chrome binary, or unset it to use Debian's chromium.`;
  return (
    `Chromium not found (looked for ${CHROMIUM_CANDIDATES.join(', ')}). Install Debian's package as root: ` +
    `\`apt-get install --no-install-recommends chromium\` (npm test does it when it runs as root), ` +
    'or set CHROMIUM_PATH to a Chromium or Chrome binary.'
  );
}

/** The machine as ensureChromium sees it; tests replace parts of it. */
export interface ChromiumHost {
  env: NodeJS.ProcessEnv;
  candidates: readonly string[];
  isRoot: boolean;
  onPath(command: string): boolean;
  /** Runs a command, its output on our stderr; throws when it fails. */
  run(command: readonly string[]): void;
}

const realHost = (): ChromiumHost => ({
  env: process.env,
  candidates: CHROMIUM_CANDIDATES,
  isRoot: process.getuid?.() === 0,
  onPath: (command) =>
    (process.env['PATH'] ?? '')
      .split(delimiter)
      .some((dir) => dir !== '' && isExecutable(join(dir, command))),
  run: ([command = '', ...args]) => {
    const result = spawnSync(command, args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0)
      throw new Error(
        `\`${[command, ...args].join(' ')}\` failed (${result.error?.message ?? `exit ${String(result.status)}`})`,
      );
  },
});

/**
 * The browser's path, installing Debian's chromium with apt-get first when none is found and we
 * are root with apt-get (about 200 MB, once per machine). Costs two stat calls when one exists.
 * `dryRun` logs the commands instead and returns undefined. Throws, saying what to install, otherwise.
 */
export function ensureChromium(
  log: (line: string) => void,
  options: { dryRun?: boolean; host?: Partial<ChromiumHost> } = {},
): string | undefined {
  const host = { ...realHost(), ...options.host };
  const found = findChromium(host.env, host.candidates);
  if (found) return found;
  if (host.env['CHROMIUM_PATH'] || !host.isRoot || !host.onPath('apt-get'))
    throw new Error(chromiumMissing(host.env));
  const commands = CHROMIUM_INSTALL.map((command) => command.join(' ')).join(' && ');
  if (options.dryRun) {
    log(`Chromium: not found; would run ${commands}`);
    return undefined;
  }
  log(`Chromium: not found; installing Debian's chromium (${commands}; once per machine, about a minute)`);
  CHROMIUM_INSTALL.forEach((command) => host.run(command));
  const installed = findChromium(host.env, host.candidates);
  if (!installed)
    throw new Error(`apt-get installed chromium, yet none of ${host.candidates.join(', ')} is there`);
  return installed;
}
