import { useEffect, useState } from 'react';
import type { AdminActions } from '../../contracts';
import { adminCall } from '../../services/admin';

type Answer = AdminActions['accounts.findDuplicates']['out'];

const DEBOUNCE_MS = 400;

/**
 * `accounts.findDuplicates` for the name (and code) being typed, debounced; answers to older keystrokes
 * are dropped. `selfId` (editing) is left out of the candidates: an Account is not its own duplicate.
 */
export function useDuplicateCheck(name: string, creditCode: string, selfId?: string): { answer: Answer | null; checking: boolean; error: unknown } {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const trimmed = name.trim();
    const code = creditCode.trim();
    if (!trimmed) {
      setAnswer(null);
      setChecking(false);
      return undefined;
    }
    let live = true;
    setChecking(true);
    const timer = window.setTimeout(() => {
      adminCall('accounts.findDuplicates', { name: trimmed.slice(0, 100), ...(code ? { creditCode: code.slice(0, 30) } : {}) })
        .then((out) => {
          if (!live) return;
          setAnswer({ ...out, candidates: out.candidates.filter((c) => c.id !== selfId) });
          setError(null);
        })
        .catch((e: unknown) => live && setError(e))
        .finally(() => live && setChecking(false));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [name, creditCode, selfId]);

  return { answer, checking, error };
}
