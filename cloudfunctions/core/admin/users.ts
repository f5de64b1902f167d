import type { AdminUserRow, AdminUsersListIn } from '../contracts/admin';
import type { Page } from '../contracts/domain';
import type { Deps, Where } from '../ports';
import { q } from '../ports';
import type { AdminDoc, UserDoc } from '../kernel/docs';
import { pageByIdOrName, pageOf } from './paging';
import { requireAdmin } from './permissions';
import { adminUserRow } from './views';
import { isPhoneQuery, usersByPhone } from './phone-search';

/**
 * Terminal users for the console. Every filter is an equality on an indexed field (status, Account,
 * method, role — see core/schema/collections.ts); a search is a name prefix over the name index (a range,
 * never a regular expression). Without a search: newest first, paged by id.
 */
export async function listUsers(deps: Deps, admin: AdminDoc, opts: AdminUsersListIn): Promise<Page<AdminUserRow>> {
  requireAdmin(admin, 'users.read');
  const where: Where = {};
  if (opts.status) where['status'] = opts.status;
  if (opts.accountId) where['account_id'] = opts.accountId;
  if (opts.methodId) where['method_id'] = opts.methodId;
  if (opts.roleId) where['role_ids'] = q.has(opts.roleId);
  // a whole mobile number finds the person by phone (their own or their Contact's), not by name
  if (isPhoneQuery(opts.query)) return { items: (await usersByPhone(deps, where, opts.query)).map(adminUserRow) };
  return pageUsers(deps, where, opts);
}

/** One page of users matching `where` (plus an optional name prefix). Shared with the seat holders list. */
export async function pageUsers(deps: Deps, where: Where, opts: { query?: string; cursor?: string; limit?: number }): Promise<Page<AdminUserRow>> {
  return pageOf(await pageByIdOrName<UserDoc>(deps, 'ic_users', where, opts), adminUserRow);
}
