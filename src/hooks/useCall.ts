import { useCallback, useEffect, useRef, useState } from 'react';

import { useI18n } from '../i18n';
import { call as defaultCall, CallError, type CallFn } from '../services/client';
import type { ActionIn, ActionName, ActionOut, FunctionName } from '../services/contracts';

export interface CallState<T> {
  data: T | undefined;
  error: CallError | null;
  loading: boolean;
  reload: () => void;
}

export interface UseCallOptions {
  /** Wait (e.g. for the session) before calling; while false nothing is requested. */
  enabled?: boolean;
  /** Anything whose change should re-run the call (e.g. the session identity). */
  key?: string;
  call?: CallFn;
}

interface Settled<T> {
  /** Which request this result answers; a different current request means "loading". */
  for: string;
  data?: T;
  error: CallError | null;
}

function toCallError(e: unknown): CallError {
  return e instanceof CallError ? e : new CallError({ code: 'internal', message: String(e) });
}

/**
 * Runs one action and tracks loading/error. Re-runs when the request, `key` or the locale changes
 * (server messages are localised, so an error shown in zh-CN must be refetched after switching).
 */
export function useCall<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data: ActionIn<F, A>,
  { enabled = true, key = '', call = defaultCall }: UseCallOptions = {},
): CallState<ActionOut<F, A>> {
  const { locale } = useI18n();
  const [nonce, setNonce] = useState(0);
  const [settled, setSettled] = useState<Settled<ActionOut<F, A>> | null>(null);
  // Callers pass object literals; compare requests by value, not identity.
  const current = JSON.stringify([fn, action, data, key, locale, nonce]);
  const latest = useRef({ fn, action, data });
  latest.current = { fn, action, data };

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const { fn: f, action: a, data: d } = latest.current;
    call(f, a, d).then(
      (result) => live && setSettled({ for: current, data: result, error: null }),
      (e: unknown) => live && setSettled({ for: current, error: toCallError(e) }),
    );
    return () => {
      live = false;
    };
  }, [enabled, current, call]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  // Derived rather than stored, so there is no render between "enabled" and "loading" showing stale "empty".
  const loading = enabled && settled?.for !== current;
  return { data: settled?.data, error: loading ? null : (settled?.error ?? null), loading, reload };
}
