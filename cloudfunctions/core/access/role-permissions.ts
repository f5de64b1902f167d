import type { ObjectName, Permission } from '../contracts/domain';
import { AppError } from '../kernel/app-error';
import { array, literal, object, type Schema } from '../kernel/schema';

export const OBJECTS = ['article', 'device', 'workOrder', 'serviceRequest'] as const satisfies readonly ObjectName[];
const ACTIONS = ['read', 'create', 'update'] as const;
const SCOPES = ['none', 'public', 'own', 'account', 'all'] as const;
/** Only these objects carry a `public` flag; a `public` scope anywhere else would silently mean nothing. */
const PUBLIC_OBJECTS: readonly ObjectName[] = ['article', 'device'];

export const permissionSchema = () => object({ object: literal(...OBJECTS), action: literal(...ACTIONS), scope: literal(...SCOPES) });
export const permissionsSchema = (): Schema<Permission[]> => array(permissionSchema(), { max: OBJECTS.length * ACTIONS.length });

/** One entry per object and action, and scopes that mean something for the object. */
export function checkPermissions(perms: Permission[]): Permission[] {
  const seen = new Set<string>();
  perms.forEach((p, i) => {
    const key = `${p.object}:${p.action}`;
    if (seen.has(key)) throw new AppError('input/invalid', { field: `permissions[${i}]`, reason: 'duplicate' });
    seen.add(key);
    if (p.scope === 'public' && !PUBLIC_OBJECTS.includes(p.object)) throw new AppError('input/invalid', { field: `permissions[${i}].scope`, reason: 'not-applicable' });
  });
  return perms.map((p) => ({ object: p.object, action: p.action, scope: p.scope }));
}
