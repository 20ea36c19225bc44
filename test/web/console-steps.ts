import type { Locator, Page } from 'playwright-core';
import { expectAccessible } from './axe';
import { consoleText, pageReady, signIn } from './web-stack';

// What a person does in the console, step by step: sign in as a seeded user, open a decision from
// the inbox, let the rules be checked and record it. Each page reached is checked with axe.

/** A console text in Bahasa Indonesia (the console's default): `t('operator:plan.fillExample')`. */
export const t = (key: string, values: Record<string, string | number> = {}): string =>
  consoleText('id', key, values);

/** Signs out whoever is signed in (the header's button), then signs `user` in through the sign-in page. */
export async function signInAs(page: Page, url: string, user: string): Promise<string> {
  const signOut = page.getByRole('button', { name: t('app.signOut'), exact: true });
  if (await signOut.isVisible().catch(() => false)) await signOut.click();
  const next = await signIn(page, url, user);
  await expectAccessible(page, `the page after signing in as ${user}`);
  return next;
}

/** Waits until `probe` holds, doing `between` after each miss (e.g. pressing a refresh button); throws with `what` after `timeoutMs`. */
export async function until(
  what: string,
  probe: () => Promise<boolean>,
  between: () => Promise<unknown> = () => Promise.resolve(),
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await between();
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/**
 * Opens the inbox, waits until it lists `command` for the round (and post), checks the inbox with
 * axe, presses its "Putuskan" button and waits for the decision page.
 */
export async function decideFromInbox(
  page: Page,
  roundId: string,
  command: string,
  postId?: string,
): Promise<void> {
  await page.goto('/console/');
  await pageReady(page, 'inbox');
  const href = `/console/rounds/${roundId}/decide/${command}${postId ? `?post=${postId}` : ''}`;
  const decide = page.locator(`[data-page="inbox"] tr[data-command="${command}"] a[href="${href}"]`);
  await until(
    `the inbox lists ${command} for ${roundId}`,
    async () => (await decide.count()) > 0,
    async () => {
      await page.getByRole('button', { name: t('app.refresh'), exact: true }).click();
      await pageReady(page, 'inbox');
    },
  );
  await expectAccessible(page, `the inbox with ${command}`);
  if ((await decide.textContent())?.trim() !== t('inbox.decide'))
    throw new Error(`the inbox's button says ${await decide.textContent()}`);
  await decide.click();
  await pageReady(page, 'decision');
  await page.locator(`[data-page="decision"] [data-decision="${command}"]`).first().waitFor();
}

/** The refusal an alert shows: the API's code and rule id (ProblemAlert's data attributes) and its words. */
export async function refusalIn(
  alert: Locator,
): Promise<{ code: string | null; ruleId: string | null; text: string }> {
  await alert.waitFor();
  return {
    code: await alert.getAttribute('data-problem-code'),
    ruleId: await alert.getAttribute('data-rule-id'),
    text: (await alert.textContent()) ?? '',
  };
}

/**
 * Records the decision the form on the page holds: waits for the dry run to allow it (a refusal
 * fails with its code and rule), checks the page with axe, presses the submit button (`button`,
 * else the form's only one) and waits for the page to say it was recorded.
 */
export async function submitDecision(page: Page, type: string, button?: Locator): Promise<void> {
  const form = page.locator(`[data-page="decision"] [data-decision="${type}"]`).last();
  const refused = form.locator('[role="alert"][data-problem-code]');
  const allowed = form.getByTestId('decision-allowed');
  await allowed.or(refused).first().waitFor({ timeout: 15_000 });
  if (await refused.isVisible())
    throw new Error(`the rules refuse ${type}: ${JSON.stringify(await refusalIn(refused.first()))}`);
  await expectAccessible(page, `the ${type} form`);
  const done = page.getByTestId('decision-done');
  const before = (await done.count()) > 0 ? await done.textContent() : null;
  await (button ?? form.getByRole('button').last()).click();
  await until(`${type} is recorded`, async () => {
    if (await refused.isVisible())
      throw new Error(`${type} was refused: ${JSON.stringify(await refusalIn(refused.first()))}`);
    return (await done.count()) > 0 && (await done.textContent()) !== before;
  });
}
