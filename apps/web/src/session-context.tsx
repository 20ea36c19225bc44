import type { User, UserManager } from 'oidc-client-ts';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { getJson } from './api/call';
import { createApi, type Api } from './api/client';
import { userManager, type SignInOptions } from './auth/oidc';
import { loadSession, saveSession, type Session, type SessionUser } from './session';

interface SessionValue {
  session: Session | null;
  /** A client sending the signed-in user's token (none when signed out). */
  api: Api;
  signIn(session: Session): void;
  /** Signs out here, and at the identity provider for an OpenID Connect session. */
  signOut(): void;
  /** The identity provider's client, once the sign-in page or the callback made it. */
  attachOidc(manager: UserManager): void;
}

const SessionContext = createContext<SessionValue | null>(null);

/** The session for an identity provider's user: who the API takes the token to be (GET /auth/me). */
export async function oidcSession(user: User): Promise<Session> {
  const me = await getJson<Omit<SessionUser, 'name'> & { name?: string }>('/auth/me', user.access_token);
  return {
    token: user.access_token,
    user: { ...me, name: me.name ?? me.sub },
    expiresAt: (user.expires_at ?? Date.now() / 1000 + 300) * 1000,
    via: 'oidc',
  };
}

/** Who is signed in, for the whole console; the token lives as long as the tab (session.ts). */
export function SessionProvider({ children }: { children: React.ReactNode }): React.JSX.Element {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [manager, setManager] = useState<UserManager | null>(null);
  const change = useCallback((next: Session | null) => {
    saveSession(next);
    setSession(next);
  }, []);

  // A tab reloaded with an OpenID Connect session makes its client again (renewal, sign-out at the issuer).
  const oidcSignedIn = session?.via === 'oidc';
  useEffect(() => {
    if (!oidcSignedIn || manager) return;
    void getJson<SignInOptions>('/auth/options')
      .then((options) => options.oidc && setManager(userManager(options.oidc)))
      .catch(() => undefined);
  }, [oidcSignedIn, manager]);

  // A renewed token replaces the old one; an expired or ended session at the issuer signs out here.
  useEffect(() => {
    if (!manager) return undefined;
    const renewed = (user: User): void =>
      setSession((current) => {
        if (current?.via !== 'oidc') return current;
        const next = { ...current, token: user.access_token, expiresAt: (user.expires_at ?? 0) * 1000 };
        saveSession(next);
        return next;
      });
    const ended = (): void => {
      setSession((current) => {
        if (current?.via !== 'oidc') return current;
        saveSession(null);
        return null;
      });
    };
    manager.events.addUserLoaded(renewed);
    manager.events.addAccessTokenExpired(ended);
    manager.events.addUserSignedOut(ended);
    manager.events.addSilentRenewError(ended);
    return () => {
      manager.events.removeUserLoaded(renewed);
      manager.events.removeAccessTokenExpired(ended);
      manager.events.removeUserSignedOut(ended);
      manager.events.removeSilentRenewError(ended);
    };
  }, [manager]);

  const value = useMemo<SessionValue>(
    () => ({
      session,
      api: createApi(session?.token),
      signIn: (next) => change(next),
      signOut: () => {
        if (session?.via !== 'oidc' || !manager) return change(null);
        // The ID token first (forgetting the session clears the tab's storage, where it is kept):
        // with it as a hint the issuer ends its session at once and sends the tab back here.
        void manager
          .getUser()
          .then((user) => {
            change(null);
            return manager.signoutRedirect(user?.id_token ? { id_token_hint: user.id_token } : {});
          })
          .catch(() => change(null));
      },
      attachOidc: (next) => setManager((current) => (current === next ? current : next)),
    }),
    [session, change, manager],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside <SessionProvider>');
  return value;
}
