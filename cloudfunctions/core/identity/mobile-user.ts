import type { Deps } from '../ports';
import { q } from '../ports';
import type { ContactDoc, UserDoc } from '../kernel/docs';

// A disable sticks to the mobile: if any user of it is disabled, that verdict is the one an SMS login gets.
const RANK: Record<UserDoc['status'], number> = { disabled: 0, active: 1, pending: 2 };

/**
 * The Interconnection user an SMS login on `phone` is for: a member user whose Contact has that
 * `mobile1` (contacts by the `mobile1` index, users by the `contact_id` index). When several Contacts
 * share a mobile, a disabled user wins (the disable sticks to the mobile), then an active one over a pending one, then the lowest id — the
 * same person gets the same user every time.
 */
export async function userForMobile(deps: Deps, phone: string): Promise<UserDoc | null> {
  const contacts = await deps.store.find<ContactDoc>('contacts', { where: { mobile1: phone }, orderBy: [['_id', 'asc']], limit: 20 });
  if (!contacts.length) return null;
  const users = await deps.store.find<UserDoc>('ic_users', { where: { contact_id: q.in(contacts.map((c) => c._id)), kind: 'member' }, orderBy: [['_id', 'asc']], limit: 20 });
  users.sort((a, b) => RANK[a.status] - RANK[b.status] || (a._id < b._id ? -1 : 1));
  return users[0] ?? null;
}
