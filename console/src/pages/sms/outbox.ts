/**
 * The local runtime's SMS outbox (`GET /api/dev/sms`): a dev route beside the `admin` function, not one
 * of its actions, so it is plain fetch. It exists only on the local runtime with HULIAN_DEV on; anywhere
 * else (CloudBase hosting, HULIAN_DEV=0) it answers 404 or not at all, and the menu hides the page.
 */
export interface OutboxMessage {
  phone: string;
  text: string;
  purpose: string;
  at: string;
}

const OUTBOX_URL = '/api/dev/sms';

export async function readOutbox(signal?: AbortSignal): Promise<OutboxMessage[] | null> {
  const res = await fetch(OUTBOX_URL, { credentials: 'same-origin', headers: { Accept: 'application/json' }, signal });
  if (res.status === 404) return null;
  const body = (await res.json().catch(() => null)) as { ok?: boolean; data?: { messages?: unknown } } | null;
  if (!res.ok || !body?.ok || !Array.isArray(body.data?.messages)) throw new Error(`HTTP ${res.status}`);
  return (body.data.messages as unknown[]).filter(isMessage);
}

function isMessage(value: unknown): value is OutboxMessage {
  const m = value as Partial<OutboxMessage> | null;
  return !!m && typeof m.phone === 'string' && typeof m.text === 'string' && typeof m.at === 'string';
}

/** For the menu: true only when the route answers with an outbox. */
export async function devOutboxAvailable(): Promise<boolean> {
  if (import.meta.env.VITE_ADMIN_ENDPOINT) return false; // built for CloudBase: there is no local runtime
  try {
    return (await readOutbox()) !== null;
  } catch {
    return false;
  }
}
