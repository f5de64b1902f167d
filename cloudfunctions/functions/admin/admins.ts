import { array, object, optional, string } from '../../core/kernel/schema';
import { MIN_ADMIN_PASSWORD } from '../../core/admin/admin-auth';
import { createAdmin, disableAdmin, enableAdmin, listAdmins, updateAdmin } from '../../core/admin/admins';
import type { ActionTable } from '../shared/dispatch';
import { asAdmin } from './as-admin';
import { password } from './session';

const adminId = () => string({ min: 5, max: 40, pattern: /^adm_[a-z0-9][a-z0-9._-]{1,31}$/ });
/** user names are letters, digits and `._-`; stored lowercased (the id is derived from it) */
const username = () => string({ min: 2, max: 32, pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/ });
const displayName = () => string({ min: 1, max: 40 });
const permissions = () => array(string({ min: 1, max: 40, pattern: /^(\*|[a-z]+\.(\*|[a-z]+))$/ }), { max: 40 });

/** checked before the input is read: someone who may not manage admins learns nothing from these actions */
const MANAGE = ['admins.manage'] as const;

/** Console admins and their permission sets: only a super admin (`*` or `admins.manage`). */
export const adminsActions = {
  'admins.list': asAdmin(object({}), (ctx, admin) => listAdmins(ctx.deps, admin), MANAGE),
  'admins.create': asAdmin(
    object({ username: username(), displayName: displayName(), password: password(MIN_ADMIN_PASSWORD), permissions: permissions() }),
    (ctx, admin, input) => createAdmin(ctx.deps, admin, input),
    MANAGE,
  ),
  'admins.update': asAdmin(
    object({ id: adminId(), displayName: optional(displayName()), permissions: optional(permissions()), password: optional(password(MIN_ADMIN_PASSWORD)) }),
    (ctx, admin, input) => updateAdmin(ctx.deps, admin, input),
    MANAGE,
  ),
  'admins.disable': asAdmin(object({ id: adminId() }), (ctx, admin, input) => disableAdmin(ctx.deps, admin, input.id), MANAGE),
  'admins.enable': asAdmin(object({ id: adminId() }), (ctx, admin, input) => enableAdmin(ctx.deps, admin, input.id), MANAGE),
} satisfies ActionTable;
