import { CHROMIUM_ARGS, chromiumMissing, findChromium } from '@selter/engines';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, headless, with flags that need no network (CHROMIUM_ARGS); playwright-core brings no browser of its own. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(chromiumMissing());
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True for a URL that stays on this machine (data:, blob: and about: never leave it). */
export function isLoopback(url: URL): boolean {
  return !['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) || LOOPBACK.has(url.hostname);
}

/** A browser tab of the console as a person in Jakarta sees it, noting everything that goes wrong. */
export interface ConsoleTab {
  page: Page;
  context: BrowserContext;
  /** Every URL the tab requested, in order. */
  requests: string[];
  /** Console errors, uncaught page errors, and requests to another host (blocked). */
  problems: string[];
  /** Console errors the test expects (e.g. a refused request it provokes): not problems. */
  expectConsoleError(pattern: RegExp): void;
  close(): Promise<void>;
}

/**
 * A fresh context (empty cache and storage) in Bahasa Indonesia's locale and Jakarta's time zone.
 * A request to any host but loopback is aborted and counted as a problem, so a console that
 * reaches for a CDN, a web font or analytics fails its test instead of hanging offline.
 */
export async function openTab(browser: Browser, baseURL: string): Promise<ConsoleTab> {
  const context = await browser.newContext({
    baseURL,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'block',
  });
  const requests: string[] = [];
  const problems: string[] = [];
  const expected: RegExp[] = [];
  context.on('request', (request) => void requests.push(request.url()));
  await context.route(
    (url) => !isLoopback(url),
    (route) => {
      problems.push(`request to another host: ${route.request().url()}`);
      return route.abort('blockedbyclient');
    },
  );
  const page = await context.newPage();
  page.on('console', (message) => {
    const text = `${message.text()} (${message.location().url})`;
    if (message.type() === 'error' && !expected.some((pattern) => pattern.test(text)))
      problems.push(`console error: ${text}`);
  });
  page.on('pageerror', (error) => void problems.push(`page error: ${error.stack ?? error.message}`));
  return {
    page,
    context,
    requests,
    problems,
    expectConsoleError: (pattern) => void expected.push(pattern),
    close: () => context.close(),
  };
}
