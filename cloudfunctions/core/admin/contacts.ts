import type { ContactCreateIn, ContactsListIn, ContactUpdateIn, ContactView } from '../contracts/admin';
import type { Page } from '../contracts/domain';
import type { Deps, Where } from '../ports';
import { q } from '../ports';
import type { AccountDoc, AdminDoc, ContactDoc, UserDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { isoNow } from '../kernel/time';
import { auditInTx } from '../audit/audit';
import { retryOnConflict } from '../identity/retry';
import { pageByIdOrName } from './paging';
import { adminActor, requireAdmin } from './permissions';
import { contactsByPhone, isPhoneQuery } from './phone-search';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

function contactView(c: ContactDoc, account?: AccountDoc, user?: UserDoc): ContactView {
  const view: ContactView = { id: c._id, accountId: c.account_id, name: c.name, createdAt: str(c['created_at']) ?? '' };
  const extra: Partial<ContactView> = {
    accountName: account?.name,
    mobile1: str(c.mobile1),
    recordType: str(c['record_type']),
    owner: str(c['owner']),
    userId: user?._id,
    userStatus: user?.status,
    updatedAt: str(c['updated_at']),
  };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) (view as unknown as Record<string, unknown>)[k] = v;
  return view;
}

/** Account names and activated users for a page of Contacts: two round trips, whatever the page size. */
async function viewsOf(deps: Deps, contacts: ContactDoc[]): Promise<ContactView[]> {
  if (!contacts.length) return [];
  const [accounts, users] = await Promise.all([
    deps.store.getMany<AccountDoc>('accounts', [...new Set(contacts.map((c) => c.account_id))]),
    deps.store.find<UserDoc>('ic_users', { where: { contact_id: q.in(contacts.map((c) => c._id)) }, orderBy: [['_id', 'asc']], limit: 1000 }),
  ]);
  return contacts.map((c) =>
    contactView(
      c,
      accounts.find((a) => a._id === c.account_id),
      users.find((u) => u.contact_id === c._id),
    ),
  );
}

/** By Account (the `account_id` index) and/or a name prefix (the `name` index); newest first otherwise. */
export async function listContacts(deps: Deps, admin: AdminDoc, opts: ContactsListIn): Promise<Page<ContactView>> {
  requireAdmin(admin, 'contacts.read');
  const where: Where = {};
  if (opts.accountId) where['account_id'] = opts.accountId;
  if (isPhoneQuery(opts.query)) return { items: await viewsOf(deps, await contactsByPhone(deps, where, opts.query)) };
  const page = await pageByIdOrName<ContactDoc>(deps, 'contacts', where, opts);
  const items = await viewsOf(deps, page.docs);
  return page.nextCursor ? { items, nextCursor: page.nextCursor } : { items };
}

export async function createContact(deps: Deps, admin: AdminDoc, input: ContactCreateIn): Promise<ContactView> {
  requireAdmin(admin, 'contacts.create');
  const now = isoNow(deps.clock);
  const doc: ContactDoc = {
    _id: deps.crypto.randomId('con'),
    account_id: input.accountId,
    name: input.name,
    ...(input.mobile1 ? { mobile1: input.mobile1 } : {}),
    ...(input.recordType ? { record_type: input.recordType } : {}),
    ...(input.owner ? { owner: input.owner } : {}),
    created_by: adminActor(admin),
    created_at: now,
    updated_at: now,
  };
  const account = await retryOnConflict(() =>
    deps.store.transaction(async (tx) => {
      const a = await tx.get<AccountDoc>('accounts', input.accountId);
      if (!a) throw new AppError('accounts/not-found', { accountId: input.accountId });
      // guest data is nobody's customer data: the dedicated Guest Account gets no Contacts (DESIGN §3)
      if (a['kind'] === 'guest') throw new AppError('input/invalid', { field: 'accountId', reason: 'guest-account' });
      await tx.insert('contacts', doc);
      await auditInTx(deps, tx, { actor: adminActor(admin), action: 'contact.created', target: doc._id, details: { accountId: a._id, name: doc.name } });
      return a;
    }),
  );
  return contactView(doc, account);
}

/**
 * Edits a Contact. Its name is copied onto its user (read on every call), updated once the edit commits.
 * A changed `mobile1` is what the next SMS login checks; the user's verified mobile stays until then.
 */
export async function updateContact(deps: Deps, admin: AdminDoc, input: ContactUpdateIn): Promise<ContactView> {
  requireAdmin(admin, 'contacts.update');
  const { before, after } = await retryOnConflict(() =>
    deps.store.transaction(async (tx) => {
      const c = await tx.get<ContactDoc>('contacts', input.id);
      if (!c || c['record_type'] === 'guest') throw new AppError('contacts/not-found', { contactId: input.id });
      const set: Record<string, unknown> = { updated_at: isoNow(deps.clock) };
      if (input.name !== undefined) set['name'] = input.name;
      if (input.mobile1 !== undefined) set['mobile1'] = input.mobile1;
      if (input.recordType !== undefined) set['record_type'] = input.recordType;
      if (input.owner !== undefined) set['owner'] = input.owner;
      await tx.update('contacts', input.id, { set });
      await auditInTx(deps, tx, { actor: adminActor(admin), action: 'contact.updated', target: input.id, details: { fields: Object.keys(set).filter((k) => k !== 'updated_at') } });
      return { before: c, after: { ...c, ...set } as ContactDoc };
    }),
  );
  if (after.name !== before.name) await deps.store.updateMany('ic_users', { contact_id: after._id }, { set: { name: after.name, contact_name: after.name } });
  return (await viewsOf(deps, [after]))[0];
}
