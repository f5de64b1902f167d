import type { Deps } from '../ports';
import { q } from '../ports';
import type { ContactDoc, UserDoc } from '../kernel/docs';

/** Whether `phone` is the `mobile1` of a Contact with an activated (not disabled) Interconnection user. */
export async function isActivatedMobile(deps: Deps, phone: string): Promise<boolean> {
  const contacts = await deps.store.find<ContactDoc>('contacts', { where: { mobile1: phone }, limit: 20 });
  if (!contacts.length) return false;
  const users = await deps.store.find<UserDoc>('ic_users', { where: { contact_id: q.in(contacts.map((c) => c._id)), status: q.ne('disabled') }, limit: 1 });
  return users.length > 0;
}
