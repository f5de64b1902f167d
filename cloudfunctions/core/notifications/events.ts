import type { ActivationResult } from '../contracts/admin';
import type { Deps } from '../ports';
import type { ContactDoc, UserDoc } from '../kernel/docs';
import type { JoinRequest } from '../registration/register-tx';
import { getSettings } from '../settings/settings';
import { GUEST_USER_ID } from '../identity/bindings';
import { queueMessage, retryDueMessages } from './outbox';
import { tell, userRecipient, wechatBindingsOf } from './tell';

/** The page a subscribe message opens: the person's notifications. */
export const NOTIFICATIONS_PAGE = 'packages/me/notifications/index';

/** What a rejection needs to know about the person, read before the decision (it may remove the user). */
export interface BeforeDecision {
  userId: string;
  wechat: string[];
  join: JoinRequest | null;
}

export async function beforeDecision(deps: Deps, userId: string): Promise<BeforeDecision> {
  const [user, wechat] = await Promise.all([deps.store.get<UserDoc>('ic_users', userId), wechatBindingsOf(deps, userId)]);
  const join = user?.status === 'pending' ? ((user['join_request'] as JoinRequest | undefined) ?? null) : null;
  return { userId, wechat, join };
}

/** A later event is a good moment to send again what failed before. */
const retryLater = (deps: Deps) => retryDueMessages(deps).catch(() => 0);

export async function tellApproved(deps: Deps, before: BeforeDecision): Promise<void> {
  await tell(deps, { kind: 'registration.approved', recipients: [userRecipient(before.userId)], wechat: before.wechat, facts: { accountName: before.join?.account_name ?? '' }, page: NOTIFICATIONS_PAGE });
  await retryLater(deps);
}

/**
 * A rejected person reads the reason where they look: a removed registrant (the user is gone) through
 * their WeChat identity, someone who stays a user through that user. What they typed comes back to them.
 */
export async function tellRejected(deps: Deps, before: BeforeDecision, reason: string, removed: boolean): Promise<void> {
  const join = before.join;
  await tell(deps, {
    kind: 'registration.rejected',
    recipients: removed ? before.wechat : [userRecipient(before.userId)],
    wechat: before.wechat,
    facts: { accountName: join?.account_name ?? '', reason },
    ...(join ? { resubmit: { accountName: join.account_name, contactName: join.contact['name'] ?? '', mobile: join.contact['mobile1'] ?? '' } } : {}),
    page: NOTIFICATIONS_PAGE,
  });
  await retryLater(deps);
}

/** How an invited Contact opens the portal: the mini program by name, then SMS login with this mobile. */
export function howToOpen(portalName: string): string {
  return `请在微信中搜索小程序「${portalName}」，用本手机号短信验证码登录。`;
}

/**
 * After a manual activation: each new user gets an in-app entry (read once they sign in) and their
 * Contact an SMS invitation naming the portal and how to open it. Never throws: the users exist.
 */
export async function tellActivated(deps: Deps, result: ActivationResult): Promise<void> {
  if (!result.activated.length) return;
  try {
    const portalName = (await getSettings(deps)).portal.name;
    const [contacts, users] = await Promise.all([
      deps.store.getMany<ContactDoc>('contacts', result.activated.map((u) => u.contactId)),
      deps.store.getMany<UserDoc>('ic_users', result.activated.map((u) => u.userId)),
    ]);
    const contactById = new Map(contacts.map((c) => [c._id, c]));
    const userById = new Map(users.map((x) => [x._id, x]));
    for (const u of result.activated) {
      const contact = contactById.get(u.contactId);
      const accountName = userById.get(u.userId)?.account_name ?? '';
      await tell(deps, { kind: 'user.activated', recipients: [userRecipient(u.userId)], wechat: [], facts: { accountName, portalName }, page: NOTIFICATIONS_PAGE });
      const phone = contact?.mobile1;
      if (phone) await queueMessage(deps, { channel: 'sms', phone, portalName, howToOpen: howToOpen(portalName) });
    }
  } catch (e) {
    deps.log('error', 'activation not announced', { error: e instanceof Error ? e.message : String(e) });
  }
}

/** A service request's status changed: its author is told what it is now. */
export async function serviceRequestStatusChanged(deps: Deps, id: string): Promise<void> {
  const request = await deps.store.get<{ _id: string; created_by?: unknown; subject?: unknown; status?: unknown }>('service_requests', id).catch(() => null);
  if (request) await tellServiceRequestUpdated(deps, request);
}

/** A service request changed status: its author is told. */
export async function tellServiceRequestUpdated(deps: Deps, request: { created_by?: unknown; subject?: unknown; status?: unknown }): Promise<void> {
  // the shared Guest record has nobody behind it to tell
  if (typeof request.created_by !== 'string' || request.created_by === GUEST_USER_ID) return;
  const wechat = await wechatBindingsOf(deps, request.created_by).catch(() => []);
  await tell(deps, {
    kind: 'serviceRequest.updated',
    recipients: [userRecipient(request.created_by)],
    wechat,
    facts: { subject: typeof request.subject === 'string' ? request.subject : '', status: typeof request.status === 'string' ? request.status : '' },
    page: NOTIFICATIONS_PAGE,
  });
}
