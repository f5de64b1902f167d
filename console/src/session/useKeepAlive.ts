import { useEffect } from 'react';
import { renewSession } from '../services/admin';

/**
 * The server ends a session 30 minutes after its last use. While the admin is working — reading a long
 * list counts, so pointer, keys, wheel and touch all count as use — the console renews it every few
 * minutes; an idle console lets it lapse, and the next call sends the admin back to sign in.
 */
const RENEW_EVERY_MS = 5 * 60_000;
const CHECK_EVERY_MS = 30_000;
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export function useKeepAlive(signedIn: boolean): void {
  useEffect(() => {
    if (!signedIn) return;
    let lastActivity = Date.now();
    let lastRenew = Date.now();
    const seen = () => {
      lastActivity = Date.now();
    };
    ACTIVITY.forEach((name) => window.addEventListener(name, seen, { passive: true }));
    const timer = window.setInterval(() => {
      const now = Date.now();
      if (lastActivity <= lastRenew || now - lastRenew < RENEW_EVERY_MS) return;
      lastRenew = now;
      // a failure needs no handling here: an ended session shows on the next call (back to sign-in)
      renewSession().catch(() => undefined);
    }, CHECK_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      ACTIVITY.forEach((name) => window.removeEventListener(name, seen));
    };
  }, [signedIn]);
}
