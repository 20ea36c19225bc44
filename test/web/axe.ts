import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** Impacts that fail a test (issue 8: no serious or critical violation on any page). */
const BLOCKING = new Set(['serious', 'critical']);

/**
 * One violation, readably: rule, impact, what it asks, then axe's explanation once for all the
 * elements it fits (a Mantine style repeats on every card), with the first three of them.
 */
export function describeViolation(v: Violation): string {
  const bySummary = new Map<string, string[]>();
  for (const node of v.nodes) {
    const summary = (node.failureSummary ?? '').replace(/\n\s*/g, ' ').trim();
    bySummary.set(summary, [...(bySummary.get(summary) ?? []), node.target.join(' ')]);
  }
  const lines = [...bySummary].map(([summary, targets]) => {
    const more = targets.length > 3 ? `\n      (and ${targets.length - 3} more)` : '';
    return `    ${summary}\n${targets
      .slice(0, 3)
      .map((t) => `      at ${t}`)
      .join('\n')}${more}`;
  });
  return `  [${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})\n${lines.join('\n')}`;
}

/**
 * Runs axe-core (injected from the axe-core package, no network) on the page as it is now, with
 * the WCAG 2 A and AA rules; throws listing every serious or critical violation.
 */
export async function expectAccessible(page: Page, what = new URL(page.url()).pathname): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const blocking = violations.filter((v) => BLOCKING.has(v.impact ?? ''));
  if (blocking.length === 0) return;
  const minor = violations.length - blocking.length;
  throw new Error(
    `${blocking.length} serious or critical accessibility violation(s) on ${what}` +
      `${minor ? ` (and ${minor} minor or moderate)` : ''}:\n${blocking.map(describeViolation).join('\n')}`,
  );
}
