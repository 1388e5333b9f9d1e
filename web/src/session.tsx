// Who is logged in. Loaded once at start, refreshed when the tab regains
// focus (so verifying the email in another tab clears the banner here).
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ok, forgetCsrf, getSession, type Subscriber } from './api';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'anonymous' } | { status: 'ready'; subscriber: Subscriber };

interface SessionApi {
  state: State;
  refresh(): Promise<void>;
  logOut(): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: 'loading' });

  const refresh = useCallback(async () => {
    try {
      const s = await getSession();
      setState(s ? { status: 'ready', subscriber: s } : { status: 'anonymous' });
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
