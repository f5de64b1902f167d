import { array, object, optional, string } from '../../core/kernel/schema';
import { requireAdmin } from '../../core/admin/permissions';
import { permissionsSchema } from '../../core/access/role-permissions';
import { createRole, deleteRole, listRoles, setUserRoles, updateRole } from '../../core/access/roles';
import type { ActionTable } from '../shared/dispatch';
import { asAdmin } from './as-admin';

const id = () => string({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ });
const roleName = () => string({ min: 1, max: 40 });

/** Roles and the roles a terminal user holds. */
export const rolesActions = {
  'roles.list': asAdmin(object({}), async (ctx, admin) => {
    requireAdmin(admin, 'roles.read');
    return listRoles(ctx.deps);
  }),
  'roles.create': asAdmin(object({ name: roleName(), nameEn: optional(roleName()), permissions: permissionsSchema() }), async (ctx, admin, input) => {
    requireAdmin(admin, 'roles.update');
    return createRole(ctx.deps, admin, input);
  }),
  'roles.update': asAdmin(
    object({ id: id(), name: optional(roleName()), nameEn: optional(roleName()), permissions: optional(permissionsSchema()) }),
    async (ctx, admin, input) => {
      requireAdmin(admin, 'roles.update');
      return updateRole(ctx.deps, admin, input);
    },
  ),
  'roles.delete': asAdmin(object({ id: id() }), async (ctx, admin, input) => {
    requireAdmin(admin, 'roles.update');
    return deleteRole(ctx.deps, admin, input.id);
  }),
  'users.setRoles': asAdmin(object({ userId: id(), roleIds: array(id(), { max: 20 }) }), async (ctx, admin, input) => {
    requireAdmin(admin, 'users.update');
    return setUserRoles(ctx.deps, admin, input.userId, input.roleIds);
  }),
} satisfies ActionTable;
