import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { testEndpoints, uniqueName } from '@selter/testing';
import type { Browser, Page } from 'playwright-core';
import { startApiStack, type ApiStack } from '../api/stack';
import { launchChromium, openTab, type ConsoleTab } from './browser';
import { publishScreenshot, saveScreenshot } from './screens';

const ROOT = resolve(__dirname, '../..');
/** The console build the API serves (WEB_DIST_DIR). */
export const WEB_DIST = join(ROOT, 'apps', 'web', 'dist');

/** The API stack of test/api (database, projections, worker, api process) serving the built console, and a browser. */
export interface WebStack {
  api: ApiStack;
  /** The API's origin; the console is at /console/, the public page at /publik/<agency>. */
  url: string;
  browser: Browser;
  stop(): Promise<void>;
}

/**
 * Builds the console when missing or stale (npm test has done it already), or takes the build
 * WEB_DIST_DIR names as it is; the stack serves a copy of it, so a rebuild meanwhile (vite
 * empties its folder first) cannot break a test. Starts the stack and Chromium side by side.
 */
export async function startWebStack(extraEnv: NodeJS.ProcessEnv = {}): Promise<WebStack> {
  const given = process.env['WEB_DIST_DIR'];
  if (!given)
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'bootstrap.cjs'), '--console-only'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  const consoleCopy = join(testEndpoints().workDir, uniqueName('console'));
  cpSync(given ?? WEB_DIST, consoleCopy, { recursive: true });
  const [api, browser] = await Promise.allSettled([
    startApiStack({ ...extraEnv, WEB_DIST_DIR: consoleCopy }),
    launchChromium(),
  ]);
  if (api.status === 'rejected' || browser.status === 'rejected') {
    if (api.status === 'fulfilled') await api.value.stop();
    if (browser.status === 'fulfilled') await browser.value.close();
    throw api.status === 'rejected' ? api.reason : (browser as PromiseRejectedResult).reason;
  }
  return {
    api: api.value,
    url: api.value.url,
    browser: browser.value,
    stop: async () => {
      await browser.value.close();
      await api.value.stop();
    },
  };
}

/** Waits until the console shows page `name` loaded: `[data-page=name][aria-busy=false]`. */
export async function pageReady(page: Page, name: string, timeout = 30_000): Promise<void> {
  await page.locator(`[data-page="${name}"][aria-busy="false"]`).waitFor({ timeout });
}

/** The display name of a seeded user of the development issuer (what the sign-in page shows). */
async function nameOf(url: string, user: string): Promise<string> {
  const users = (await (await fetch(`${url}/dev-auth/users`)).json()) as Array<{ sub: string; name: string }>;
  const found = users.find((u) => u.sub === user);
  if (!found) throw new Error(`no seeded user ${user}; seeded: ${users.map((u) => u.sub).join(', ')}`);
  return found.name;
}

/**
 * Signs in through the console's own sign-in page, as a person would: opens /console/, presses the
 * button of the seeded user (its accessible name holds the user's name), and returns the name of
 * the loaded page the console shows next (the operator's: `inbox`).
 */
export async function signIn(page: Page, url: string, user: string): Promise<string> {
  const name = await nameOf(url, user);
  await page.goto('/console/');
  await pageReady(page, 'sign-in');
  await page.getByRole('button', { name }).click();
  const next = page.locator('[data-page]:not([data-page="sign-in"])[aria-busy="false"]');
  await next.waitFor({ timeout: 30_000 });
  return (await next.getAttribute('data-page')) ?? '';
}

/**
 * A text of the console in a language, from its own translations, with `{{placeholders}}` filled:
 * the shell's (apps/web/src/i18n) as `consoleText('en', 'signIn.asUser', { name })`, a feature's
 * (apps/web/src/features/<namespace>/i18n) as i18next names it, `consoleText('id', 'operator:plan.fillExample')`.
 */
export function consoleText(
  language: 'id' | 'en',
  key: string,
  values: Record<string, string | number> = {},
): string {
  const [namespace, path] = key.includes(':') ? (key.split(':', 2) as [string, string]) : [undefined, key];
  const file = namespace
    ? join(ROOT, 'apps', 'web', 'src', 'features', namespace, 'i18n', `${language}.json`)
    : join(ROOT, 'apps', 'web', 'src', 'i18n', `${language}.json`);
  const texts = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const text = path
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], texts);
  if (typeof text !== 'string') throw new Error(`no console text ${key} in ${file}`);
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => String(values[name] ?? whole));
}

/**
 * Jest hooks for a spec file: one stack and browser for the file, a fresh tab (empty cache and
 * storage) per test. After each test its screen is saved to tmp/screenshots/<test name>.png (also
 * to docs/screenshots/ when chosen with `forDocs` and UPDATE_SCREENSHOTS=1), and the test fails if
 * the console logged an error, threw, or reached for another host.
 */
export function useWebStack(extraEnv: NodeJS.ProcessEnv = {}): {
  readonly stack: WebStack;
  readonly tab: ConsoleTab;
  forDocs(name: string): void;
} {
  let stack: WebStack | undefined;
  let tab: ConsoleTab | undefined;
  let docName: string | undefined;
  beforeAll(async () => {
    stack = await startWebStack(extraEnv);
  }, 180_000);
  afterAll(() => stack?.stop());
  beforeEach(async () => {
    docName = undefined;
    if (stack) tab = await openTab(stack.browser, stack.url);
  });
  afterEach(async () => {
    const current = tab;
    tab = undefined;
    if (!current) return;
    try {
      const path = await saveScreenshot(current.page, expect.getState().currentTestName ?? 'unnamed');
      if (docName) publishScreenshot(path, docName);
    } finally {
      await current.close();
    }
    if (current.problems.length)
      throw new Error(
        `the console had ${current.problems.length} problem(s):\n  ${current.problems.join('\n  ')}`,
      );
  });
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`no ${what}: the web stack did not start`);
    return value;
  };
  return {
    get stack() {
      return need(stack, 'stack');
    },
    get tab() {
      return need(tab, 'tab');
    },
    forDocs: (name) => void (docName = name),
  };
}
