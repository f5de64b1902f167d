import type { AdminUserDetail } from '../contracts/admin';
import type { Deps } from '../ports';
import type { AdminDoc, BindingDoc, UserDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { requireAdmin } from './permissions';
import { adminUserRow, auditEntryView, bindingView } from './views';
import { withAuditNames } from '../audit/names';

export const HISTORY_LIMIT = 50;

/** `users.get`: the user, every binding (by the `user_id` index) with its app, and their history from the audit log. */
export async function getUserDetail(deps: Deps, admin: AdminDoc, userId: string): Promise<AdminUserDetail> {
  requireAdmin(admin, 'users.read');
  const [user, bindings, history] = await Promise.all([
    deps.store.get<UserDoc>('ic_users', userId),
    deps.store.find<BindingDoc>('ic_bindings', { where: { user_id: userId }, orderBy: [['_id', 'asc']], limit: 100 }),
    deps.store.find('audit_log', { where: { target: userId }, orderBy: [['at', 'desc'], ['_id', 'desc']], limit: HISTORY_LIMIT }),
  ]);
  if (!user) throw new AppError('users/not-found', { userId });
  // an appid is an Official Account when this deployment holds its secret (the portal logs in through it)
  const officialAccounts = new Set(deps.officialAccount.appids());
  const views = bindings.map(bindingView).map((b) => (b.appid ? { ...b, appKind: officialAccounts.has(b.appid) ? ('official-account' as const) : ('mini-program' as const) } : b));
  return { ...adminUserRow(user), updatedAt: user.updated_at, bindings: views, history: await withAuditNames(deps, history.map(auditEntryView)) };
}
