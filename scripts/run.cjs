#!/usr/bin/env node
// Runs a TypeScript entry point in this process, compiled on the fly by swc (which, unlike
// esbuild-based runners, emits the decorator metadata NestJS injection needs). ADR 0004.
'use strict';
const path = require('node:path');

const entry = process.argv[2];
if (!entry) {
  process.stderr.write('usage: node scripts/run.cjs <file.ts> [args...]\n');
  process.exit(64);
}
process.env.SWCRC = 'true';
require('@swc-node/register');
process.argv.splice(1, 2, path.resolve(entry));
require(path.resolve(entry));
