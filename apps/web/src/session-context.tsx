import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import { createApi, type Api } from './api/client';
import { loadSession, saveSession, type Session } from './session';

interface SessionValue {
  session: Session | null;
  /** A client sending the signed-in user's token (none when signed out). */
  api: Api;
  signIn(session: Session): void;
  signOut(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Who is signed in, for the whole console; the token lives as long as the tab (session.ts). */
export function SessionProvider({ children }: { children: React.ReactNode }): React.JSX.Element {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const change = useCallback((next: Session | null) => {
    saveSession(next);
    setSession(next);
  }, []);
  const value = useMemo<SessionValue>(
    () => ({
      session,
      api: createApi(session?.token),
      signIn: (next) => change(next),
      signOut: () => change(null),
    }),
    [session, change],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside <SessionProvider>');
  return value;
}
