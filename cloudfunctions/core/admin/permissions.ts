import type { AdminPermission } from '../contracts/admin';
import type { AdminDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';

/**
 * Admin permissions are checked explicitly in every use case: CloudBase security rules do not apply
 * inside cloud functions. `*` grants everything, `area.*` everything in an area (`users.*`).
 */
export function adminMay(admin: Pick<AdminDoc, 'permissions'>, permission: AdminPermission): boolean {
  const area = permission.slice(0, permission.indexOf('.') + 1);
  return admin.permissions.some((p) => p === '*' || p === permission || p === `${area}*`);
}

/** `access/denied` naming the first missing permission. */
export function requireAdmin(admin: Pick<AdminDoc, 'permissions'>, ...permissions: AdminPermission[]): void {
  const missing = permissions.find((p) => !adminMay(admin, p));
  if (missing) throw new AppError('access/denied', { permission: missing });
}

export const adminActor = (admin: Pick<AdminDoc, '_id'>) => `admin:${admin._id}` as const;
