import type { ObjectName, Permission, PermissionAction, Scope } from '../../contracts';

/** The rows and columns of the matrix: the objects roles govern and what can be done to them. */
export const OBJECTS: readonly ObjectName[] = ['article', 'device', 'workOrder', 'serviceRequest'];
export const ACTIONS: readonly PermissionAction[] = ['read', 'create', 'update'];
export const SCOPES: readonly Scope[] = ['none', 'public', 'own', 'account', 'all'];
/** Only these carry a `public` flag; the server refuses `public` anywhere else (core/access/role-permissions). */
const PUBLIC_OBJECTS: readonly ObjectName[] = ['article', 'device'];

export const scopesFor = (object: ObjectName): Scope[] => SCOPES.filter((s) => s !== 'public' || PUBLIC_OBJECTS.includes(object));

export type CellKey = `${ObjectName}:${PermissionAction}`;
export type Matrix = Record<CellKey, Scope>;

export const cellKey = (object: ObjectName, action: PermissionAction): CellKey => `${object}:${action}`;

export function matrixOf(permissions: Permission[]): Matrix {
  const m = {} as Matrix;
  for (const o of OBJECTS) for (const a of ACTIONS) m[cellKey(o, a)] = 'none';
  for (const p of permissions) m[cellKey(p.object, p.action)] = p.scope;
  return m;
}

/** The list `roles.create|update` takes: one entry per granted cell ("none" is simply left out). */
export function permissionsOf(m: Matrix): Permission[] {
  return OBJECTS.flatMap((object) => ACTIONS.filter((action) => m[cellKey(object, action)] !== 'none').map((action) => ({ object, action, scope: m[cellKey(object, action)] })));
}

export const sameMatrix = (a: Matrix, b: Matrix) => (Object.keys(a) as CellKey[]).every((k) => a[k] === b[k]);
