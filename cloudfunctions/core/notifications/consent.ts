import type { AcceptSubscriptionsOut } from '../contracts/notifications';
import { q, type Deps, type WechatCaller } from '../ports';
import { AppError } from '../kernel/app-error';
import { isoNow } from '../kernel/time';
import { getSettings } from '../settings/settings';
import { wechatBindingId } from '../identity/bindings';
import { messageTemplatesOf } from './templates';

/** WeChat keeps at most this many unused one-time consents per template for a person; so do we. */
export const MAX_CONSENTS = 50;

/** One person (WeChat identity) and one template: how many messages they consented to receive. */
export const consentId = (bindingId: string, templateId: string) => `${bindingId}|${templateId}`;

/**
 * `auth.acceptSubscriptions`: records what `wx.requestSubscribeMessage` answered `accept` for. Each accept
 * is one message; each later message to this person spends one. Unknown template ids change nothing.
 */
export async function acceptSubscriptions(deps: Deps, caller: WechatCaller, templateIds: string[]): Promise<AcceptSubscriptionsOut> {
  const known = new Set(messageTemplatesOf(await getSettings(deps)).map((t) => t.templateId));
  const unknown = templateIds.find((id) => !known.has(id));
  if (unknown !== undefined) throw new AppError('input/invalid', { field: 'templateIds', reason: 'unknown-template' });
  const ids = [...new Set(templateIds)];
  const holder = wechatBindingId(caller);
  const now = isoNow(deps.clock);
  await deps.store.transaction(async (tx) => {
    for (const templateId of ids) {
      const id = consentId(holder, templateId);
      const current = await tx.get<{ _id: string; remaining: number }>('message_consents', id);
      if (!current) await tx.insert('message_consents', { _id: id, holder, template_id: templateId, appid: caller.appid, openid: caller.openid, remaining: 1, updated_at: now });
      else if (current.remaining < MAX_CONSENTS) await tx.update('message_consents', id, { inc: { remaining: 1 }, set: { updated_at: now } });
    }
  });
  return { accepted: ids };
}

/** Spends one consent atomically; false when none is left (then no message is sent). */
export async function spendConsent(deps: Deps, bindingId: string, templateId: string): Promise<boolean> {
  const changed = await deps.store.update('message_consents', consentId(bindingId, templateId), { inc: { remaining: -1 } }, { remaining: q.gte(1) });
  return changed === 1;
}
