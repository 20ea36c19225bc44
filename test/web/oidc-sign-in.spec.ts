import type { RunningKeycloak } from '@selter/engines';
import { startKeycloakBeside } from '../api/test-keycloak';
import { openTab, type ConsoleTab } from './browser';
import { saveScreenshot } from './screens';
import { consoleText, pageReady, startWebStack, type WebStack } from './web-stack';

/** The seeded users' development password (deploy/keycloak/README.md). */
const PASSWORD = 'Selter-Dev-2026';

/**
 * Lets the console at `origin` sign in with the realm's public client, as an administrator adds a
 * deployment's address (Keycloak's admin REST API): the test's api listens on a port of its own.
 */
async function allowConsoleAt(keycloak: RunningKeycloak, origin: string): Promise<void> {
  const tokenRes = await fetch(`${keycloak.url}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'admin-cli',
      username: keycloak.admin.username,
      password: keycloak.admin.password,
    }),
  });
  const { access_token: admin } = (await tokenRes.json()) as { access_token: string };
  const headers = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
  const clients = `${keycloak.url}/admin/realms/selter/clients`;
  const [client] = (await (await fetch(`${clients}?clientId=selter-console`, { headers })).json()) as Array<
    Record<string, unknown> & { id: string; redirectUris: string[]; webOrigins: string[] }
  >;
  if (!client) throw new Error('the realm has no selter-console client');
  const attributes = client['attributes'] as Record<string, string>;
  const updated = {
    ...client,
    redirectUris: [...client.redirectUris, `${origin}/console/*`],
    webOrigins: [...client.webOrigins, origin],
    attributes: {
      ...attributes,
      'post.logout.redirect.uris': `${attributes['post.logout.redirect.uris']}##${origin}/console/*`,
    },
  };
  const put = await fetch(`${clients}/${client.id}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify(updated),
  });
  if (put.status !== 204) throw new Error(`client update refused: ${put.status} ${await put.text()}`);
}

/**
 * The console signs in at Keycloak (issue 17 item 2, ADR 0034): Authorization Code with PKCE
 * through oidc-client-ts, Keycloak's own login page, back to the page the user started from, the
 * user shown with role and agency, the API answering the token, and sign-out at the issuer.
 */
describe('the console signs in with OpenID Connect at Keycloak', () => {
  let keycloak: RunningKeycloak | undefined;
  let web: WebStack | undefined;
  let tab: ConsoleTab | undefined;

  beforeAll(async () => {
    const parts: { keycloak?: RunningKeycloak; beside?: WebStack } = {};
    try {
      // The development issuer stays off: the console offers the identity provider only.
      await startKeycloakBeside((trust) => startWebStack({ ...trust, DEV_ISSUER: 'off' }), parts);
    } finally {
      keycloak = parts.keycloak;
      web = parts.beside;
    }
    await allowConsoleAt(keycloak!, web!.url);
  }, 300_000);
  afterAll(async () => {
    await web?.stop();
    await keycloak?.stop();
  });
  beforeEach(async () => {
    tab = await openTab(web!.browser, web!.url);
  });
  afterEach(async () => {
    const current = tab;
    tab = undefined;
    if (!current) return;
    await saveScreenshot(current.page, expect.getState().currentTestName ?? 'unnamed').catch(() => '');
    await current.close();
    if (current.problems.length)
      throw new Error(`the console had problems:\n  ${current.problems.join('\n  ')}`);
  });

  /** From the console's sign-in page through Keycloak's login form, back to the console. */
  async function signInAtKeycloak(
    page: ConsoleTab['page'],
    username: string,
    start = '/console/',
  ): Promise<void> {
    await page.goto(start);
    await pageReady(page, 'sign-in');
    expect(
      await page.getByRole('button', { name: consoleText('id', 'signIn.as'), exact: true }).count(),
    ).toBe(0); // no development users
    await page.getByRole('button', { name: consoleText('id', 'signIn.ssoButton') }).click();
    await page.waitForURL((url) => url.href.startsWith(keycloak!.issuer()), { timeout: 30_000 });
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(PASSWORD);
    await page.locator('#kc-login').click();
    await page.waitForURL(
      (url) => url.href.startsWith(`${web!.url}/console`) && !url.pathname.includes('/auth/'),
      {
        timeout: 30_000,
      },
    );
  }

  const signedInAs = (page: ConsoleTab['page']) => page.getByTestId('signed-in-as');

  it.each([
    ['operator.kabcontoh', 'operator', 'BKPSDM Kabupaten Contoh', 'kabcontoh'],
    ['pansel1.kabcontoh', 'pansel', 'Anggota pansel 1 kabcontoh', 'kabcontoh'],
    ['liaison.bkn', 'oversight', 'Penghubung BKN', 'BKN'],
    ['ppk.kabcontoh', 'ppk', 'Bupati Contoh', 'kabcontoh'],
  ])(
    'signs %s in at Keycloak; the console shows the role and agency and the API answers the token',
    async (username, role, name, where) => {
      const { page } = tab!;
      await signInAtKeycloak(page, username);
      const shown = consoleText('id', 'app.signedInAs', { name, role: consoleText('id', `roles.${role}`) });
      await signedInAs(page).filter({ hasText: shown }).waitFor({ timeout: 30_000 });
      expect(await signedInAs(page).textContent()).toBe(`${shown} · ${where}`);
      await pageReady(page, 'inbox'); // the inbox answered the Keycloak token
      const stored = await page.evaluate(() => window.sessionStorage.getItem('selter.session'));
      expect(JSON.parse(stored ?? '{}')).toMatchObject({ via: 'oidc', user: { sub: username, role } });
    },
  );

  it('returns to the page the user asked for, and signs out at Keycloak', async () => {
    const { page } = tab!;
    await signInAtKeycloak(page, 'operator.kabcontoh', '/console/rounds');
    expect(new URL(page.url()).pathname).toBe('/console/rounds');
    await pageReady(page, 'round-list');
    await page.getByRole('button', { name: consoleText('id', 'app.signOut') }).click();
    // Keycloak ends its session and sends the browser back to the console's sign-in page.
    await page.waitForURL(
      (url) => url.href.startsWith(`${web!.url}/console`) && !url.search.includes('code='),
      {
        timeout: 30_000,
      },
    );
    await pageReady(page, 'sign-in');
    expect(await page.evaluate(() => window.sessionStorage.getItem('selter.session'))).toBeNull();
    // Signing in again asks for the password: the session at the issuer ended too.
    await page.getByRole('button', { name: consoleText('id', 'signIn.ssoButton') }).click();
    await page.waitForURL((url) => url.href.startsWith(keycloak!.issuer()), { timeout: 30_000 });
    await page.locator('#password').waitFor({ timeout: 30_000 });
  });
});
