import type { DevUser } from './api/responses';

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

/** Keeps the session for the tab, or forgets it (null). */
export function saveSession(session: Session | null): void {
  if (session) window.sessionStorage.setItem(KEY, JSON.stringify(session));
  else window.sessionStorage.removeItem(KEY);
}
