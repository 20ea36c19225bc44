import { createHash, randomBytes } from 'node:crypto';

/** The console's redirect URI in the realm (deploy/keycloak/selter-realm.json); never followed here. */
export const CONSOLE_REDIRECT = 'http://127.0.0.1:3000/console/';

/**
 * Signs a user in at Keycloak as the console will: Authorization Code with PKCE (S256) on the
 * public client `selter-console`, through Keycloak's own login form over plain HTTP (its cookies
 * carried by hand), then the code exchanged at the token endpoint. Returns the access token.
 */
export async function signInWithPkce(
  issuer: string,
  username: string,
  password: string,
  clientId = 'selter-console',
): Promise<string> {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomBytes(8).toString('hex');
  const cookies = new Map<string, string>();
  const keep = (res: Response): void => {
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const eq = pair.indexOf('=');
      cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const cookieHeader = (): string => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');

  const authorize = new URL(`${issuer}/protocol/openid-connect/auth`);
  for (const [k, v] of Object.entries({
    client_id: clientId,
    response_type: 'code',
    scope: 'openid',
    redirect_uri: CONSOLE_REDIRECT,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  }))
    authorize.searchParams.set(k, v);
  const page = await fetch(authorize, { redirect: 'manual' });
  keep(page);
  const html = await page.text();
  const action = /<form[^>]*id="kc-form-login"[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (page.status !== 200 || !action)
    throw new Error(`no login form (${page.status}): ${html.slice(0, 300)}`);

  const login = await fetch(action.replaceAll('&amp;', '&'), {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password, credentialId: '' }),
  });
  const location = login.headers.get('location');
  if (login.status !== 302 || !location?.startsWith(CONSOLE_REDIRECT))
    throw new Error(`sign-in of ${username} refused (${login.status})${location ? ` to ${location}` : ''}`);
  const back = new URL(location).searchParams;
  if (back.get('state') !== state) throw new Error('state mismatch');

  const token = await fetch(`${issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: clientId,
      code: back.get('code') ?? '',
      redirect_uri: CONSOLE_REDIRECT,
      code_verifier: verifier,
    }),
  });
  const body = (await token.json()) as { access_token?: string; error?: string };
  if (!token.ok || !body.access_token)
    throw new Error(`code exchange failed: ${token.status} ${body.error ?? ''}`);
  return body.access_token;
}
