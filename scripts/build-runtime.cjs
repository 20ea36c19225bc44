#!/usr/bin/env node
// The Dockerfile's build stage: turns the workspace into what the runtime stage copies (ADR 0032).
// Every workspace's TypeScript (specs, lint fixtures and tools left out) is compiled to CommonJS by
// swc with the repository's .swcrc, the same compiler and settings `scripts/run.cjs` uses at load
// time (ADR 0004), next to its other files (SQL migrations, the prebuilt workflow bundle in
// apps/worker/dist, the console in apps/web/dist); each package.json's entry points are renamed
// from .ts to .js. Also the root package.json, package-lock.json and patches/, so the runtime stage's
// `npm ci --omit=dev` installs the same production tree and patch-package applies the same patches.
// `--manifests`: only what `npm ci` reads (the root and workspace package.json files as they are,
// package-lock.json, patches/), so the install is a layer of its own that Docker (and
// test/deploy/dockerfile.ts) reuse while these are unchanged; it needs no dependency installed.
// usage: node scripts/build-runtime.cjs [--manifests] <out-dir>
'use strict';
const {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const manifestsOnly = process.argv.includes('--manifests');
const out = path.resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'build/runtime');
// Workspaces whose code never runs in the image: only their package.json (npm ci needs every
// workspace the lockfile names); the console only as built (apps/web/dist).
const codeless = new Set(['test', 'bench', 'apps/web', 'apps/dev']);
const copiedDirs = { 'apps/web': ['dist'] };
const skip = (name) =>
  name === 'node_modules' ||
  name === 'lint-fixtures' ||
  name === 'tools' ||
  name === 'histories' ||
  /\.(spec|test|test-helper)\.tsx?$/.test(name) ||
  name.endsWith('.d.ts') ||
  name.endsWith('.tsx');

const workspaces = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).workspaces.flatMap(
  (w) =>
    w.endsWith('/*')
      ? readdirSync(path.join(root, w.slice(0, -2)), { withFileTypes: true })
          .filter(
            (e) => e.isDirectory() && existsSync(path.join(root, w.slice(0, -2), e.name, 'package.json')),
          )
          .map((e) => `${w.slice(0, -2)}/${e.name}`)
      : [w],
);

let compiled = 0;
function copyTree(from, to, compile) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (skip(entry.name)) continue;
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) copyTree(source, path.join(to, entry.name), compile);
    else if (compile && entry.name.endsWith('.ts')) {
      // Required here: the --manifests run has no dependency installed.
      const { transformFileSync } = require('@swc/core');
      const swcrc = JSON.parse(readFileSync(path.join(root, '.swcrc'), 'utf8'));
      delete swcrc.$schema;
      const { code } = transformFileSync(source, {
        ...swcrc,
        swcrc: false,
        sourceMaps: false,
        filename: source,
      });
      writeFileSync(path.join(to, entry.name.replace(/\.ts$/, '.js')), code);
      compiled += 1;
    } else if (entry.isFile()) copyFileSync(source, path.join(to, entry.name));
  }
}

const toJs = (value) =>
  typeof value === 'string'
    ? value.replace(/\.ts$/, '.js')
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJs(v)]))
      : value;

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const file of ['package.json', 'package-lock.json', '.npmrc'])
  if (existsSync(path.join(root, file))) copyFileSync(path.join(root, file), path.join(out, file));
copyTree(path.join(root, 'patches'), path.join(out, 'patches'), false);
if (!manifestsOnly) {
  mkdirSync(path.join(out, 'scripts'), { recursive: true });
  copyFileSync(path.join(root, 'scripts', 'healthcheck.cjs'), path.join(out, 'scripts', 'healthcheck.cjs'));
}
for (const workspace of workspaces) {
  const dir = path.join(root, workspace);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  mkdirSync(path.join(out, workspace), { recursive: true });
  if (manifestsOnly) {
    copyFileSync(path.join(dir, 'package.json'), path.join(out, workspace, 'package.json'));
    continue;
  }
  for (const key of ['main', 'types', 'exports']) if (key in manifest) manifest[key] = toJs(manifest[key]);
  writeFileSync(path.join(out, workspace, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  if (codeless.has(workspace)) {
    for (const sub of copiedDirs[workspace] ?? []) {
      if (!existsSync(path.join(dir, sub))) throw new Error(`${workspace}/${sub} is missing: build it first`);
      copyTree(path.join(dir, sub), path.join(out, workspace, sub), false);
    }
    continue;
  }
  // A workspace's folders (src, migrations, dist); its root files are build settings only.
  for (const entry of readdirSync(dir, { withFileTypes: true }))
    if (entry.isDirectory() && !skip(entry.name))
      copyTree(path.join(dir, entry.name), path.join(out, workspace, entry.name), true);
}
process.stderr.write(
  `${manifestsOnly ? 'manifests' : 'runtime tree'} in ${out}: ${compiled} files compiled, ${workspaces.length} workspaces\n`,
);
