import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_INSTALL, ensureChromium, type ChromiumHost } from './browser';

describe('ensureChromium', () => {
  let dir: string;
  let chromium: string;
  let ran: string[];
  const lines: string[] = [];
  const log = (line: string): void => void lines.push(line);
  const install = (): void => {
    writeFileSync(chromium, '#!/bin/sh\n');
    chmodSync(chromium, 0o755);
  };
  /** A root machine with apt-get and no browser yet, whose apt-get "installs" one at `chromium`. */
  const host = (over: Partial<ChromiumHost> = {}): Partial<ChromiumHost> => ({
    env: {},
    candidates: [join(dir, 'nothing-here'), chromium],
    isRoot: true,
    onPath: (command) => command === 'apt-get',
    run: (command) => {
      ran.push(command.join(' '));
      if (command.includes('install')) install();
    },
    ...over,
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'selter-chromium-'));
    chromium = join(dir, 'chromium');
    ran = [];
    lines.length = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('returns an installed browser without running anything', () => {
    install();
    expect(ensureChromium(log, { host: host() })).toBe(chromium);
    expect(ran).toEqual([]);
  });

  it('installs Debian chromium with apt-get (update, then install without recommends) when root finds none', () => {
    expect(ensureChromium(log, { host: host() })).toBe(chromium);
    expect(ran).toEqual(['apt-get update -q', 'apt-get install -y -q --no-install-recommends chromium']);
    expect(lines.join('\n')).toMatch(/not found; installing Debian's chromium/);
  });

  it('only says what it would run in a dry run', () => {
    expect(ensureChromium(log, { dryRun: true, host: host() })).toBeUndefined();
    expect(ran).toEqual([]);
    expect(lines).toEqual([
      `Chromium: not found; would run ${CHROMIUM_INSTALL.map((c) => c.join(' ')).join(' && ')}`,
    ]);
  });

  it('uses CHROMIUM_PATH when it is an executable, and never replaces a wrong one by installing', () => {
    install();
    expect(ensureChromium(log, { host: host({ env: { CHROMIUM_PATH: chromium }, candidates: [] }) })).toBe(
      chromium,
    );
    expect(() =>
      ensureChromium(log, { host: host({ env: { CHROMIUM_PATH: join(dir, 'nowhere') } }) }),
    ).toThrow(/CHROMIUM_PATH=.*nowhere is not an executable file/);
    expect(ran).toEqual([]);
  });

  it('tells a machine that cannot install what to install', () => {
    expect(() => ensureChromium(log, { host: host({ isRoot: false }) })).toThrow(
      /Install Debian's package as root: `apt-get install --no-install-recommends chromium`.*CHROMIUM_PATH/,
    );
    expect(() => ensureChromium(log, { host: host({ onPath: () => false }) })).toThrow(/Chromium not found/);
    expect(ran).toEqual([]);
  });

  it('fails when apt-get succeeded but left no browser', () => {
    expect(() =>
      ensureChromium(log, { host: host({ run: (command) => void ran.push(command.join(' ')) }) }),
    ).toThrow(/apt-get installed chromium, yet none of/);
  });
});
