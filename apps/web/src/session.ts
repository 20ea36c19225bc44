import type { components } from './api/schema';

/** A seeded user of the development issuer (GET /dev-auth/users), as the API's document declares it. */
export type DevUser = components['schemas']['DevUser'];

/** A caller's role, as the API's document names them. */
export type Role = DevUser['role'];

/** Who is signed in and their bearer token. */
export interface Session {
  token: string;
  user: DevUser;
  expiresAt: number;
}

// sessionStorage: a token lives as long as the tab, and never outlives its expiry.
const KEY = 'selter.session';

/** The stored session, unless there is none or its token has expired. */
export function loadSession(now = Date.now()): Session | null {
  const raw = window.sessionStorage.getItem(KEY);
  if (!raw) return null;
  const session = JSON.parse(raw) as Session;
  return session.expiresAt > now ? session : null;
}

/** Keeps the session for the tab, or forgets it (null): signing out clears everything the tab kept. */
export function saveSession(session: Session | null): void {
  if (session) window.sessionStorage.setItem(KEY, JSON.stringify(session));
  else window.sessionStorage.clear();
}
