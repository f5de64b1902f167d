import type { Deps } from '../ports';

/**
 * Whether `phone` is the `mobile1` of some Contact — activated, pending, disabled or not activated at all.
 * Login codes go to all of them, so that only the right code, read on the person's own phone, tells them
 * their state (`auth.loginBySms`); a phone no Contact has gets nothing.
 */
export async function isContactMobile(deps: Deps, phone: string): Promise<boolean> {
  return (await deps.store.find('contacts', { where: { mobile1: phone }, limit: 1 })).length > 0;
}
