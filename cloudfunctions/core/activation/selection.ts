import type { ActivationSelection } from '../contracts/admin';
import type { Deps } from '../ports';
import { q } from '../ports';
import type { AccountDoc, ContactDoc, EnterpriseDoc, UserDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { GUEST_CONTACT_ID } from '../identity/bindings';

/** At most this many Contacts are shown per Account, and taken when none are named. */
export const CONTACTS_PER_ACCOUNT = 100;
/**
 * One request is one transaction; CloudBase transactions should stay small, so a request creates at
 * most this many users (the wizard sends larger selections in several requests).
 */
export const MAX_USERS_PER_ACTIVATION = 50;

export interface PlannedAccount {
  account: AccountDoc;
  /** the Account's Contacts (at most CONTACTS_PER_ACCOUNT, by id), the Guest contact left out */
  allContacts: ContactDoc[];
  /** the Contacts this request covers: those named, or all of them when none were named */
  selected: ContactDoc[];
  /** more Contacts exist than were loaded */
  truncated: boolean;
  /** the Account's Interconnection Enterprise, when it exists already (under any id) */
  enterprise: EnterpriseDoc | null;
}

export interface ActivationPlan {
  accounts: PlannedAccount[];
  /** Contacts that already have an Interconnection user (under any id) */
  usersByContact: Map<string, UserDoc>;
}

/** The shared Guest contact belongs to an Account but is nobody: it is never activated. */
const isGuestContact = (c: ContactDoc) => c._id === GUEST_CONTACT_ID || c['record_type'] === 'guest';

function invalidSelection(index: number, reason: string, field = 'accountId'): never {
  throw new AppError('input/invalid', { field: `accounts[${index}].${field}`, reason });
}

async function loadSelected(deps: Deps, sel: ActivationSelection, index: number, account: AccountDoc): Promise<ContactDoc[]> {
  const ids = [...new Set(sel.contactIds ?? [])];
  const found = new Map((await deps.store.getMany<ContactDoc>('contacts', ids)).map((c) => [c._id, c]));
  return ids.map((id) => {
    const c = found.get(id);
    if (!c) throw new AppError('contacts/not-found', { contactId: id });
    if (c.account_id !== account._id || isGuestContact(c)) invalidSelection(index, 'not-in-account', 'contactIds');
    return c;
  });
}

/**
 * Reads what an activation request is about: the Accounts, their Contacts, the enterprises and users
 * that exist already. Unknown Accounts or Contacts, and Contacts named under the wrong Account, are
 * refused here; an Account without Contacts is only marked (`allContacts` empty) — the caller decides.
 */
export async function planActivation(deps: Deps, selections: ActivationSelection[]): Promise<ActivationPlan> {
  const accountIds = selections.map((s) => s.accountId);
  for (let i = 0; i < accountIds.length; i++) if (accountIds.indexOf(accountIds[i]) !== i) invalidSelection(i, 'duplicate');
  const accounts = new Map((await deps.store.getMany<AccountDoc>('accounts', accountIds)).map((a) => [a._id, a]));
  const enterprises = await deps.store.find<EnterpriseDoc>('ic_enterprises', {
    where: { account_id: q.in(accountIds), kind: q.ne('guest') },
    orderBy: [['_id', 'asc']],
    limit: 1000,
  });

  const planned = await Promise.all(
    selections.map(async (sel, i): Promise<PlannedAccount> => {
      const account = accounts.get(sel.accountId);
      if (!account) throw new AppError('accounts/not-found', { accountId: sel.accountId });
      const loaded = await deps.store.find<ContactDoc>('contacts', { where: { account_id: account._id }, orderBy: [['_id', 'asc']], limit: CONTACTS_PER_ACCOUNT + 2 });
      // the dedicated Guest Account has no members: nobody in it is ever activated
      const people = account['kind'] === 'guest' ? [] : loaded.filter((c) => !isGuestContact(c));
      const allContacts = people.slice(0, CONTACTS_PER_ACCOUNT);
      const truncated = people.length > CONTACTS_PER_ACCOUNT;
      const selected = sel.contactIds ? await loadSelected(deps, sel, i, account) : allContacts;
      // Prefer the enterprise activation made (deterministic id) over one created another way.
      const own = enterprises.filter((e) => e.account_id === account._id);
      const enterprise = own.find((e) => e.kind === 'account') ?? own[0] ?? null;
      return { account, allContacts, selected, truncated, enterprise };
    }),
  );

  const contactIds = [...new Set(planned.flatMap((p) => [...p.allContacts, ...p.selected].map((c) => c._id)))];
  const usersByContact = new Map<string, UserDoc>();
  for (let i = 0; i < contactIds.length; i += 500) {
    const users = await deps.store.find<UserDoc>('ic_users', { where: { contact_id: q.in(contactIds.slice(i, i + 500)) }, orderBy: [['_id', 'asc']], limit: 1000 });
    for (const u of users) if (u.contact_id && !usersByContact.has(u.contact_id)) usersByContact.set(u.contact_id, u);
  }
  return { accounts: planned, usersByContact };
}
