import type { components } from './api/schema';

/** A seeded user of the development issuer (GET /dev-auth/users), as the API's document declares it. */
export type DevUser = components['schemas']['DevUser'];

/** A caller's role, as the API's document names them. */
export type Role = DevUser['role'];

/** Who is signed in, as the API reads the token (GET /auth/me), with a name to show. */
export type SessionUser = components['schemas']['SignedInUser'] & { name: string };

/** Who is signed in, how, and their bearer token. */
export interface Session {
  token: string;
  user: SessionUser;
  expiresAt: number;
  /** `oidc`: signed in at the identity provider (renewed and signed out there); `dev`: the development issuer. */
  via: 'oidc' | 'dev';
}

// sessionStorage: a token lives as long as the tab, and never outlives its expiry.
const KEY = 'selter.session';

/** The stored session, unless there is none or its token has expired. */
export function loadSession(now = Date.now()): Session | null {
  const raw = window.sessionStorage.getItem(KEY);
  if (!raw) return null;
  const session = JSON.parse(raw) as Partial<Session>;
  if (!session.token || !session.user || !session.expiresAt || session.expiresAt <= now) return null;
  return { via: 'dev', ...session } as Session;
}

/** Keeps the session for the tab, or forgets it (null): signing out clears everything the tab kept. */
export function saveSession(session: Session | null): void {
  if (session) window.sessionStorage.setItem(KEY, JSON.stringify(session));
  else window.sessionStorage.clear();
}
