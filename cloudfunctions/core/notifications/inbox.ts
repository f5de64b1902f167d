import type { Locale } from '../contracts/envelope';
import type { NotificationItem, NotificationKind, NotificationsOut } from '../contracts/notifications';
import { q, type Deps, type WechatCaller } from '../ports';
import { wechatBindingId } from '../identity/bindings';
import { boundUser } from '../identity/principal';
import { userRecipient } from './tell';
import { wordingOf, type NotificationFacts } from './wording';

export const INBOX_LIMIT = 50;

interface EntryDoc {
  _id: string;
  event_id: string;
  recipient: string;
  kind: NotificationKind;
  facts: NotificationFacts;
  resubmit?: NotificationItem['resubmit'];
  read: boolean;
  created_at: string;
  [key: string]: unknown;
}

/** Whose entries the caller reads: their WeChat identity's, and their user's where they have one. */
async function recipientsOf(deps: Deps, caller: WechatCaller): Promise<string[]> {
  const user = await boundUser(deps, caller);
  return [wechatBindingId(caller), ...(user ? [userRecipient(user._id)] : [])];
}

async function entriesOf(deps: Deps, caller: WechatCaller): Promise<EntryDoc[]> {
  const keys = await recipientsOf(deps, caller);
  return deps.store.find<EntryDoc>('notifications', { where: { recipient: q.in(keys) }, orderBy: [['created_at', 'desc']], limit: INBOX_LIMIT });
}

/** `auth.notifications`: what happened to the caller's registration, activation and service requests, newest first. */
export async function listNotifications(deps: Deps, caller: WechatCaller, locale: Locale): Promise<NotificationsOut> {
  const seen = new Set<string>();
  const items: NotificationItem[] = [];
  for (const e of await entriesOf(deps, caller)) {
    // one event may reach a person both as a user and as a WeChat identity
    if (seen.has(e.event_id)) continue;
    seen.add(e.event_id);
    items.push({ id: e.event_id, kind: e.kind, ...wordingOf(e.kind, e.facts, locale), time: e.created_at, read: e.read, ...(e.resubmit ? { resubmit: e.resubmit } : {}) });
  }
  return { items, unread: items.filter((i) => !i.read).length };
}

/** `auth.readNotifications`: marks the caller's entries read (all of them, or those named). */
export async function markNotificationsRead(deps: Deps, caller: WechatCaller, ids: string[] | undefined): Promise<{ marked: number }> {
  const only = ids ? new Set(ids) : null;
  let marked = 0;
  for (const e of await entriesOf(deps, caller)) {
    if (e.read || (only && !only.has(e.event_id))) continue;
    marked += await deps.store.update('notifications', e._id, { set: { read: true } });
  }
  return { marked };
}
