import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { components } from '../api/schema';

/** How the API says to sign in (GET /auth/options). */
export type SignInOptions = components['schemas']['SignInOptions'];
type Oidc = NonNullable<SignInOptions['oidc']>;

/** Where the identity provider sends the browser back with the code, and after signing out. */
export const CALLBACK_PATH = '/console/auth/callback';
const AFTER_SIGN_OUT_PATH = '/console/';

let manager: { key: string; value: UserManager } | undefined;

/**
 * The one OpenID Connect client of the tab (oidc-client-ts): Authorization Code with PKCE (S256)
 * on the public client the API names, tokens kept in sessionStorage (as long as the tab), renewed
 * before they expire with the refresh token Keycloak issues (no iframe), signed out at the issuer.
 */
export function userManager(oidc: Oidc): UserManager {
  const key = `${oidc.authority}|${oidc.clientId}|${oidc.scope}`;
  if (manager?.key !== key) {
    const origin = window.location.origin;
    manager = {
      key,
      value: new UserManager({
        authority: oidc.authority,
        client_id: oidc.clientId,
        scope: oidc.scope,
        response_type: 'code',
        redirect_uri: `${origin}${CALLBACK_PATH}`,
        post_logout_redirect_uri: `${origin}${AFTER_SIGN_OUT_PATH}`,
        automaticSilentRenew: true,
        userStore: new WebStorageStateStore({ store: window.sessionStorage }),
        stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
      }),
    };
  }
  return manager.value;
}

/** The page to return to after the identity provider, kept in the request's state (same origin only). */
export function returnPathOf(user: User): string {
  const state = user.state as { returnTo?: unknown } | undefined;
  const to = typeof state?.returnTo === 'string' ? state.returnTo : AFTER_SIGN_OUT_PATH;
  return to.startsWith('/console') && !to.startsWith(CALLBACK_PATH) ? to : AFTER_SIGN_OUT_PATH;
}
