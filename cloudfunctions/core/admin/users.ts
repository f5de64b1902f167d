import type { Page, UserStatus, UserView } from '../contracts/domain';
import type { Deps, FindQuery, Where } from '../ports';
import { q } from '../ports';
import type { UserDoc } from '../kernel/docs';
import { userView } from '../identity/session-view';
import { decodeCursor, encodeCursor } from '../records/cursor';

export interface UsersListQuery {
  query?: string;
  status?: UserStatus;
  cursor?: string;
  limit?: number;
}

export type AdminUserRow = UserView & { enterpriseName: string };

/**
 * Terminal users for the console. A search is a name prefix over the name index (a range query, never
 * a regular expression); otherwise newest first.
 */
export async function listUsers(deps: Deps, opts: UsersListQuery): Promise<Page<AdminUserRow>> {
  const limit = opts.limit ?? 20;
  const where: Where = {};
  if (opts.status) where['status'] = opts.status;
  let find: FindQuery;
  if (opts.query) {
    const after = opts.cursor ? decodeCursor(opts.cursor) : undefined;
    // '\uffff' sorts after every character a name can contain, closing the prefix range.
    where['name'] = q.between(opts.query, opts.query + '\uffff');
    find = { where, orderBy: [['name', 'asc'], ['_id', 'asc']], limit: limit + 1 };
    if (after) find.skip = Number(after.slice(1)) || 0;
  } else {
    if (opts.cursor) where['_id'] = q.lt(decodeCursor(opts.cursor));
    find = { where, orderBy: [['_id', 'desc']], limit: limit + 1 };
  }
  const docs = await deps.store.find<UserDoc>('ic_users', find);
  const items = docs.slice(0, limit).map((u) => ({ ...userView(u), enterpriseName: u.enterprise_name }));
  if (docs.length <= limit) return { items };
  const nextCursor = opts.query ? encodeCursor(`s${(find.skip ?? 0) + limit}`) : encodeCursor(docs[limit - 1]._id);
  return { items, nextCursor };
}

