import type { Permission } from '../contracts/domain';
import type { RoleDoc } from '../kernel/docs';

const p = (object: Permission['object'], action: Permission['action'], scope: Permission['scope']): Permission => ({ object, action, scope });

export const GUEST_ROLE_ID = 'guest';
export const TERMINAL_USER_ROLE_ID = 'terminal-user';
export const ACCOUNT_ADMIN_ROLE_ID = 'account-admin';

/** Roles every installation has. The Guest role is fixed: read public data, create service requests. */
export const BUILTIN_ROLES: RoleDoc[] = [
  {
    _id: GUEST_ROLE_ID,
    name: '访客',
    name_en: 'Guest',
    builtin: true,
    immutable: true,
    permissions: [p('article', 'read', 'public'), p('device', 'read', 'public'), p('serviceRequest', 'create', 'own')],
  },
  {
    _id: TERMINAL_USER_ROLE_ID,
    name: '终端用户',
    name_en: 'Terminal user',
    builtin: true,
    immutable: false,
    permissions: [
      p('article', 'read', 'all'),
      p('device', 'read', 'account'),
      p('workOrder', 'read', 'own'),
      p('workOrder', 'create', 'own'),
      p('workOrder', 'update', 'own'),
      p('serviceRequest', 'read', 'own'),
      p('serviceRequest', 'create', 'own'),
      // withdraw one's own request, as with work orders
      p('serviceRequest', 'update', 'own'),
    ],
  },
  {
    _id: ACCOUNT_ADMIN_ROLE_ID,
    name: '客户管理员',
    name_en: 'Account administrator',
    builtin: true,
    immutable: false,
    permissions: [
      p('article', 'read', 'all'),
      p('device', 'read', 'account'),
      p('device', 'update', 'account'),
      p('workOrder', 'read', 'account'),
      p('workOrder', 'create', 'account'),
      p('workOrder', 'update', 'account'),
      p('serviceRequest', 'read', 'account'),
      p('serviceRequest', 'create', 'account'),
      p('serviceRequest', 'update', 'account'),
    ],
  },
];
