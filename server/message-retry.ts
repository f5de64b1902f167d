import type { Deps } from '../cloudfunctions/core/ports';
import { retryDueMessages } from '../cloudfunctions/core/notifications/outbox';

const MESSAGE_RETRY_INTERVAL_MS = 60_000;

/** Sends again, once a minute, the messages to people (subscribe messages, SMS invitations) that failed. */
export function startMessageRetry(deps: Deps, intervalMs = MESSAGE_RETRY_INTERVAL_MS): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    retryDueMessages(deps)
      .catch((e: unknown) => deps.log('warn', 'message retry failed', { error: e instanceof Error ? e.message : String(e) }))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
