import { literal, object, optional, string } from '../../core/kernel/schema';
import { listUsers } from '../../core/admin/users';
import { getUserDetail } from '../../core/admin/user-detail';
import { disableUser, enableUser, unbindUserWechat } from '../../core/admin/user-status';
import type { ActionTable } from '../shared/dispatch';
import { asAdmin } from './as-admin';
import { cursor, docId, limit, query } from './ids';

const userRef = () => object({ userId: docId() });

/** Terminal users in the console (roles: roles.ts; approvals: approvals.ts). */
export const usersActions = {
  'users.list': asAdmin(
    object({
      query: query(),
      status: optional(literal('active', 'pending', 'disabled')),
      accountId: optional(docId()),
      methodId: optional(docId()),
      roleId: optional(docId()),
      cursor: cursor(),
      limit: limit(),
    }),
    (ctx, admin, input) => listUsers(ctx.deps, admin, input),
  ),
  'users.get': asAdmin(userRef(), (ctx, admin, input) => getUserDetail(ctx.deps, admin, input.userId)),
  'users.disable': asAdmin(userRef(), (ctx, admin, input) => disableUser(ctx.deps, admin, input.userId)),
  'users.enable': asAdmin(userRef(), (ctx, admin, input) => enableUser(ctx.deps, admin, input.userId)),
  'users.unbindWechat': asAdmin(object({ userId: docId(), bindingId: optional(string({ min: 1, max: 200, pattern: /^wx:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/ })) }), (ctx, admin, input) =>
    unbindUserWechat(ctx.deps, admin, input.userId, input.bindingId),
  ),
} satisfies ActionTable;
