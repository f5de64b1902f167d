import type { NotificationKind } from '../contracts/notifications';
import type { Deps } from '../ports';
import type { BindingDoc } from '../kernel/docs';
import { isoNow } from '../kernel/time';
import { getSettings } from '../settings/settings';
import { spendConsent } from './consent';
import { queueMessage } from './outbox';
import { templateFor } from './templates';
import { wordingOf, type NotificationFacts } from './wording';

/** The in-app list a person reads: `user:{id}` for a user, or a WeChat binding id when the user is gone. */
export const userRecipient = (userId: string) => `user:${userId}`;

export interface Tidings {
  kind: NotificationKind;
  /** who reads the in-app entry (userRecipient or binding ids) */
  recipients: string[];
  /** WeChat identities (binding ids `wx:{appid}:{openid}`) a subscribe message may go to */
  wechat: string[];
  facts: NotificationFacts;
  /** a rejection: what was submitted, offered back for correction */
  resubmit?: { accountName: string; contactName: string; mobile: string };
  /** the mini program page the message opens */
  page: string;
}

/** The WeChat identities of a user, read before a decision that may remove them. */
export async function wechatBindingsOf(deps: Deps, userId: string): Promise<string[]> {
  const bindings = await deps.store.find<BindingDoc>('ic_bindings', { where: { user_id: userId }, limit: 20 });
  return bindings.filter((b) => b.type === 'wechat').map((b) => b._id);
}

const clip = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s);

/** Keywords of the subscribe message (thing1: what, phrase2: result, thing3: note, time4: when). */
function messageData(t: Tidings, now: string): Record<string, { value: string }> {
  const { title, body } = wordingOf(t.kind, t.facts, 'zh-CN');
  const result = t.kind === 'registration.rejected' ? '未通过' : t.kind === 'registration.approved' ? '已通过' : t.kind === 'user.activated' ? '已开通' : '有更新';
  return {
    thing1: { value: clip(t.facts.subject ?? t.facts.accountName ?? title, 20) },
    phrase2: { value: result },
    thing3: { value: clip(t.facts.reason ?? body, 20) },
    time4: { value: now.slice(0, 16).replace('T', ' ') },
  };
}

/**
 * Tells a person what happened: always an in-app entry; a subscribe message to each WeChat identity
 * that still holds a consent for the kind's template. Runs after the decision is stored and never
 * throws: a failure is logged (and a failed send retried), the decision stands.
 */
export async function tell(deps: Deps, t: Tidings): Promise<void> {
  const now = isoNow(deps.clock);
  const event = deps.crypto.randomId('ntf');
  for (const recipient of new Set(t.recipients)) {
    try {
      await deps.store.insert('notifications', { _id: `${event}_${recipient.replace(/[^A-Za-z0-9_-]/g, '-')}`, event_id: event, recipient, kind: t.kind, facts: t.facts, ...(t.resubmit ? { resubmit: t.resubmit } : {}), read: false, created_at: now });
    } catch (e) {
      deps.log('error', 'notification entry not written', { kind: t.kind, error: e instanceof Error ? e.message : String(e) });
    }
  }
  try {
    const templateId = templateFor(await getSettings(deps), t.kind);
    if (!templateId) return;
    for (const binding of new Set(t.wechat)) {
      const m = /^wx:([^:]+):(.+)$/.exec(binding);
      if (!m || !(await spendConsent(deps, binding, templateId))) continue;
      await queueMessage(deps, { channel: 'wechat', message: { appid: m[1]!, openid: m[2]!, templateId, page: t.page, data: messageData(t, now) } });
    }
  } catch (e) {
    deps.log('error', 'subscribe message not queued', { kind: t.kind, error: e instanceof Error ? e.message : String(e) });
  }
}
