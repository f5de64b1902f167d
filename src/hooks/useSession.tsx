import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type PropsWithChildren } from 'react';

import { call as defaultCall, CallError, type CallFn } from '../services/client';
import type { SessionView } from '../services/contracts';

export interface SessionValue {
  session: SessionView | null;
  loading: boolean;
  /** Why the silent login failed; null once a session is known. */
  error: CallError | null;
  /** Re-reads the session (after SMS login, registration, approval...). */
  refresh: () => Promise<void>;
  /** Switches to the shared guest account; rejects with `guest/disabled` when guests are off. */
  loginAsGuest: () => Promise<SessionView>;
}

const SessionContext = createContext<SessionValue | null>(null);

function toCallError(e: unknown): CallError {
  return e instanceof CallError ? e : new CallError({ code: 'internal', message: String(e) });
}

export interface SessionProviderProps {
  /** Injection point for tests and previews; the app uses the platform client. */
  call?: CallFn;
}

export function SessionProvider({ children, call = defaultCall }: PropsWithChildren<SessionProviderProps>) {
  const [session, setSession] = useState<SessionView | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<CallError | null>(null);
  // Only the latest request may write state (a refresh can overtake the launch login).
  const seq = useRef(0);
  const hasSession = useRef(false);

  const load = useCallback(
    async (action: 'login' | 'me') => {
      const id = ++seq.current;
      setLoading(true);
      try {
        const s = await call('auth', action, {});
        if (id !== seq.current) return;
        hasSession.current = true;
        setSession(s);
        setError(null);
      } catch (e) {
        if (id === seq.current) setError(toCallError(e));
      } finally {
        if (id === seq.current) setLoading(false);
      }
    },
    [call],
  );

  // Silent login at launch: WeChat's rules want no prompt before the user asks for something.
  useEffect(() => {
    void load('login');
  }, [load]);

  // `me` has no side effects; `login` is needed until a first session exists (it may create the user).
  const refresh = useCallback(() => load(hasSession.current ? 'me' : 'login'), [load]);

  const loginAsGuest = useCallback(async () => {
    const s = await call('auth', 'loginAsGuest', {});
    seq.current++; // supersede any in-flight login/me
    hasSession.current = true;
    setSession(s);
    setError(null);
    setLoading(false);
    return s;
  }, [call]);

  const value = useMemo<SessionValue>(
    () => ({ session, loading, error, refresh, loginAsGuest }),
    [session, loading, error, refresh, loginAsGuest],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession must be used inside <SessionProvider>');
  return v;
}
