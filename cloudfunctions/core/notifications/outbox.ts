import type { Deps, SubscribeMessage } from '../ports';
import { q } from '../ports';
import { isoNow } from '../kernel/time';

/**
 * Messages to people (WeChat subscribe messages, SMS invitations) go through a document first, so a
 * send that fails never undoes — or blocks — what it reports: the document stays `pending` and is
 * retried later (`retryDueMessages`) with a growing pause, up to MAX_ATTEMPTS.
 */
export const MAX_ATTEMPTS = 6;
const FIRST_PAUSE_MS = 60_000;

export type OutgoingMessage = { channel: 'wechat'; message: SubscribeMessage } | { channel: 'sms'; phone: string; portalName: string; howToOpen: string };

interface OutboxDoc {
  _id: string;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_at: number;
  payload: OutgoingMessage;
  created_at: string;
  [key: string]: unknown;
}

async function send(deps: Deps, m: OutgoingMessage): Promise<void> {
  if (m.channel === 'wechat') await deps.wechat.sendSubscribeMessage(m.message);
  else await deps.sms.sendInvitation(m.phone, m.portalName, m.howToOpen);
}

async function attempt(deps: Deps, doc: OutboxDoc): Promise<boolean> {
  try {
    await send(deps, doc.payload);
    await deps.store.update('message_outbox', doc._id, { set: { state: 'sent', sent_at: isoNow(deps.clock) }, inc: { attempts: 1 } });
    return true;
  } catch (e) {
    const attempts = doc.attempts + 1;
    const state = attempts >= MAX_ATTEMPTS ? 'failed' : 'pending';
    deps.log('warn', 'message not sent; will retry', { id: doc._id, channel: doc.payload.channel, attempts, state, error: e instanceof Error ? e.message : String(e) });
    await deps.store.update('message_outbox', doc._id, { set: { state, attempts, next_at: deps.clock.now() + FIRST_PAUSE_MS * 2 ** (attempts - 1), last_error: e instanceof Error ? e.message.slice(0, 200) : 'unknown' } }).catch(() => 0);
    return false;
  }
}

/** Queues a message and tries it at once; never throws (the event it reports has already happened). */
export async function queueMessage(deps: Deps, payload: OutgoingMessage): Promise<boolean> {
  const doc: OutboxDoc = { _id: deps.crypto.randomId('msg'), state: 'pending', attempts: 0, next_at: deps.clock.now(), payload, created_at: isoNow(deps.clock) };
  try {
    await deps.store.insert('message_outbox', doc);
  } catch (e) {
    deps.log('error', 'message could not be queued', { channel: payload.channel, error: e instanceof Error ? e.message : String(e) });
    return false;
  }
  return attempt(deps, doc);
}

/** Sends again what is due; called on later events and by the runtime's timer. Returns how many went out. */
export async function retryDueMessages(deps: Deps, limit = 20): Promise<number> {
  const due = await deps.store.find<OutboxDoc>('message_outbox', { where: { state: 'pending', next_at: q.lte(deps.clock.now()) }, orderBy: [['next_at', 'asc']], limit });
  let sent = 0;
  for (const doc of due) if (await attempt(deps, doc)) sent += 1;
  return sent;
}
