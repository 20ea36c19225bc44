import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

const ROOT = resolve(__dirname, '../..');
/** Every test's last screen (git-ignored). */
export const SCREENSHOTS = join(ROOT, 'tmp', 'screenshots');
/** The screenshots the README shows, refreshed with UPDATE_SCREENSHOTS=1. */
export const DOCS_SCREENSHOTS = join(ROOT, 'docs', 'screenshots');

/** A file name from a test's name: `sign-in › switches to English` -> `sign-in-switches-to-english`. */
export function fileNameOf(testName: string): string {
  const slug = testName
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 120) || 'screenshot';
}

/** Saves the whole page (not only the viewport) to tmp/screenshots/<test name>.png; returns the path. */
export async function saveScreenshot(page: Page, testName: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${fileNameOf(testName)}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  return path;
}

/**
 * Copies a saved screenshot to docs/screenshots/<name>.png when UPDATE_SCREENSHOTS=1 (a test-only
 * switch, like jest's -u); otherwise leaves the committed ones alone. Returns whether it copied.
 */
export function publishScreenshot(path: string, name: string): boolean {
  if (process.env['UPDATE_SCREENSHOTS'] !== '1') return false;
  mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  copyFileSync(path, join(DOCS_SCREENSHOTS, `${name}.png`));
  return true;
}
