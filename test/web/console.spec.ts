import { randomUUID } from 'node:crypto';
import { waitUntil } from '@selter/engines';
import { ApiClient } from '../api/client';
import { JourneyBuilder, sendAll } from '../api/journey';
import { expectAccessible } from './axe';
import { consoleText, pageReady, signIn, useWebStack } from './web-stack';

const OPERATOR = 'operator.kabcontoh';
const OPERATOR_NAME = 'BKPSDM Kabupaten Contoh';

describe('the console in Chromium', () => {
  const web = useWebStack();
  let roundId = '';

  beforeAll(async () => {
    // A planned round: its plan waits on the operator (submit it for the oversight recommendation).
    const api = new ApiClient(web.stack.url);
    const localId = `web-${randomUUID().slice(0, 8)}`;
    roundId = `round-kabcontoh-${localId}`;
    await sendAll(api, localId, new JourneyBuilder().take());
    await waitUntil(
      'the operator inbox lists the planned round',
      async () => {
        const inbox = await api.get<{ items: Array<{ roundId: string }> }>(OPERATOR, '/inbox');
        if (!inbox.body.items.some((item) => item.roundId === roundId))
          throw new Error(`inbox: ${JSON.stringify(inbox.body)}`);
      },
      { timeoutMs: 20_000, intervalMs: 200 },
    );
  }, 60_000);

  const heading = (language: 'id' | 'en') =>
    web.tab.page.getByRole('heading', { level: 1, name: consoleText(language, 'signIn.title'), exact: true });
  const operatorButton = (language: 'id' | 'en') =>
    web.tab.page.getByRole('button', {
      name: consoleText(language, 'signIn.asUser', { name: OPERATOR_NAME }),
      exact: true,
    });

  it('opens on the sign-in page in Bahasa Indonesia, accessible', async () => {
    const { page } = web.tab;
    await page.goto('/');
    await pageReady(page, 'sign-in');
    expect(new URL(page.url()).pathname).toBe('/console/');
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    await heading('id').waitFor();
    await operatorButton('id').waitFor();
    await expectAccessible(page);
    web.forDocs('sign-in');
  });

  it('switches the sign-in page to English, still accessible', async () => {
    const { page } = web.tab;
    await page.goto('/console/');
    await pageReady(page, 'sign-in');
    await page.getByText('English', { exact: true }).click();
    await heading('en').waitFor();
    await operatorButton('en').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectAccessible(page);
  });

  it("signs the operator in through the sign-in page and shows the inbox with the round's waiting decision", async () => {
    const { page } = web.tab;
    expect(await signIn(page, web.stack.url, OPERATOR)).toBe('inbox');
    await page.locator(`[data-page="inbox"] a[href="/console/rounds/${roundId}"]`).first().waitFor();
    await expectAccessible(page);
    web.forDocs('inbox');
  });

  it('stays on its own loopback origin: no request to another host from the sign-in, inbox, round and public pages', async () => {
    const { page, requests } = web.tab;
    await signIn(page, web.stack.url, OPERATOR);
    await page.goto(`/console/rounds/${roundId}`);
    await pageReady(page, 'round-view');
    await page.goto('/publik/kabcontoh');
    await pageReady(page, 'public');
    const origin = new URL(web.stack.url).origin;
    const network = requests.filter((url) => /^(https?|wss?):/.test(url));
    expect(network.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(network.some((url) => url.includes('/console/assets/'))).toBe(true);
    expect(network.some((url) => url.endsWith('/inbox'))).toBe(true);
  });
});
