// Who is logged in. Loaded once at start, refreshed when the tab regains
// focus (so verifying the email in another tab clears the banner here).
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ok, forgetCsrf, getSession, type Subscriber } from './api';

type State =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'anonymous' } | { status: 'ready'; subscriber: Subscriber; operator: boolean };

interface SessionApi {
  state: State;
  refresh(): Promise<void>;
  logOut(): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

// Whether someone has been signed in on this browser before: then a visit without a session
// opens "Log in", otherwise "Sign up". A hint only (no account data), kept across log-outs.
const RETURNING_KEY = 'atrium.returning';

export function isReturning(): boolean {
  try {
    return localStorage.getItem(RETURNING_KEY) === '1';
  } catch {
    return false; // storage blocked: treat as a first visit, "Log in" is one click away
  }
}

function rememberReturning() {
  try {
    localStorage.setItem(RETURNING_KEY, '1');
  } catch {
    // storage blocked: nothing to remember
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const s = await getSession();
      if (s) rememberReturning();
      setState(s ? { status: 'ready', ...s } : { status: 'anonymous' });
    } catch (e) {
      setState((prev) => (prev.status === 'loading' ? { status: 'error', message: (e as Error).message } : prev));
    }
  }, []);

  const logOut = useCallback(async () => {
    await ok(api.POST('/api/auth/logout'));
    forgetCsrf();
    setState({ status: 'anonymous' });
  }, []);

  useEffect(() => {
    void refresh();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [refresh]);

  return <SessionContext.Provider value={{ state, refresh, logOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
