import type { Deps, Where } from '../ports';
import { q } from '../ports';
import type { ContactDoc, UserDoc } from '../kernel/docs';
import { MOBILE_CN } from '../sms/codes';

/** A console search that is a whole mainland mobile looks the phone up instead of a name prefix. */
export const isPhoneQuery = (query: string | undefined): query is string => !!query && MOBILE_CN.test(query);

const LIMIT = 50;

/**
 * Users by phone: the mobile bound to the user, or the `mobile1` of their Contact (both indexed
 * equalities), newest first, within the other filters.
 */
export async function usersByPhone(deps: Deps, where: Where, phone: string): Promise<UserDoc[]> {
  const contacts = await deps.store.find<ContactDoc>('contacts', { where: { mobile1: phone }, limit: LIMIT });
  const [byMobile, byContact] = await Promise.all([
    deps.store.find<UserDoc>('ic_users', { where: { ...where, mobile: phone }, limit: LIMIT }),
    contacts.length ? deps.store.find<UserDoc>('ic_users', { where: { ...where, contact_id: q.in(contacts.map((c) => c._id)) }, limit: LIMIT }) : Promise.resolve([]),
  ]);
  const seen = new Map<string, UserDoc>();
  for (const u of [...byMobile, ...byContact]) seen.set(u._id, u);
  return [...seen.values()].sort((a, b) => (a._id < b._id ? 1 : -1));
}

/** Contacts by phone (`mobile1`, indexed), within the other filters. */
export function contactsByPhone(deps: Deps, where: Where, phone: string): Promise<ContactDoc[]> {
  return deps.store.find<ContactDoc>('contacts', { where: { ...where, mobile1: phone }, orderBy: [['_id', 'desc']], limit: LIMIT });
}
