import type { AdminPermission } from '../contracts/admin';
import type { PermissionAction, Scope } from '../contracts/domain';

/**
 * THE ACCESS TABLE — who may call every action of every function. One row per action; the router
 * (functions/shared/dispatch.ts) enforces the row before the action's input is even parsed, and a
 * function whose action has no row here does not compile (`defineFunction`). Adding an action? Add its
 * row here first. Tests generate the whole matrix from this table and check it against an oracle
 * written separately (test/security/access-table.test.ts).
 *
 * Mini program callers are told apart by what the server knows of them (callerKindOf):
 * - `visitor`: a WeChat identity with no user, guest browsing off;
 * - `guest`: a WeChat identity with no user while guest browsing is on (the shared Guest record);
 * - `auto`: a user of their own without an Account (`openid-auto`);
 * - `pending`: a registrant waiting for an admin to approve joining an Account;
 * - `member`: an active user of an Account;
 * - `account-admin`: a member holding the built-in account-admin role.
 */
export type CallerKind = 'visitor' | 'guest' | 'auto' | 'pending' | 'member' | 'account-admin';
export const CALLER_KINDS: readonly CallerKind[] = ['visitor', 'guest', 'auto', 'pending', 'member', 'account-admin'];

/** A caller with a user of their own (not the shared Guest, not a visitor). */
export const WITH_USER: readonly CallerKind[] = ['auto', 'pending', 'member', 'account-admin'];

export type WechatRow =
  /** no identity needed: the action proves one itself (an OAuth code) or works on a portal session token */
  | { kind: 'public' }
  /** anyone the runtime vouches for (a WeChat identity); the use case decides what they get */
  | { kind: 'wechat'; callers: 'anyone' }
  /** only these kinds; the others are refused before the action runs */
  | { kind: 'wechat'; callers: readonly CallerKind[] }
  /**
   * A record action: the caller's roles give a scope for `gate` on the object, capped by their kind —
   * for reading by READ_CAP, for writing (create/update) by WRITE_CAP, and a write never reaches a record
   * through the `public` flag: being allowed to read public records never grants changing them.
   */
  | { kind: 'record'; gate: PermissionAction };

export type AdminRow =
  /** no token needed (signing in) */
  | { kind: 'admin'; token: false }
  /** a valid admin token holding every one of `permissions` (none: any signed-in admin) */
  | { kind: 'admin'; token: true; permissions: readonly AdminPermission[] };

export type AccessRow = WechatRow | AdminRow;

const anyone: WechatRow = { kind: 'wechat', callers: 'anyone' };
const open: WechatRow = { kind: 'public' };
const withUser: WechatRow = { kind: 'wechat', callers: WITH_USER };
const record = (gate: PermissionAction): WechatRow => ({ kind: 'record', gate });
const admin = (...permissions: AdminPermission[]): AdminRow => ({ kind: 'admin', token: true, permissions });

export const ACCESS = {
  auth: {
    login: anyone,
    me: anyone,
    portal: anyone,
    loginAsGuest: anyone,
    sendSmsCode: anyone,
    loginBySms: anyone,
    bindPhone: anyone,
    unbindWechat: withUser,
    // the Official Account portal (issue 17): the OAuth code, or the portal token, is the proof the use case checks
    loginByOfficialAccount: open,
    renewSession: open,
    logout: open,
    jssdkConfig: anyone,
    // issue 15: consent and the in-app notifications belong to the WeChat identity (a rejected
    // registrant has no user any more and still reads why)
    acceptSubscriptions: anyone,
    notifications: anyone,
    readNotifications: anyone,
  },
  registration: {
    getForm: anyone,
    checkAccountName: anyone,
    searchAccounts: anyone,
    searchRegistry: anyone,
    submit: anyone,
  },
  records: {
    list: record('read'),
    get: record('read'),
    create: record('create'),
    update: record('update'),
  },
  admin: {
    login: { kind: 'admin', token: false },
    me: admin(),
    logout: admin(),
    renew: admin(),
    'password.change': admin(),
    'admins.list': admin('admins.manage'),
    'admins.create': admin('admins.manage'),
    'admins.update': admin('admins.manage'),
    'admins.disable': admin('admins.manage'),
    'admins.enable': admin('admins.manage'),
    dashboard: admin('dashboard.read'),
    'settings.get': admin('settings.read'),
    'settings.update': admin('settings.update'),
    'methods.list': admin('settings.read'),
    'methods.create': admin('settings.update'),
    'methods.update': admin('settings.update'),
    'methods.delete': admin('settings.update'),
    'roles.list': admin('roles.read'),
    'roles.create': admin('roles.update'),
    'roles.update': admin('roles.update'),
    'roles.delete': admin('roles.update'),
    'users.list': admin('users.read'),
    'users.get': admin('users.read'),
    'users.disable': admin('users.update'),
    'users.enable': admin('users.update'),
    'users.unbindWechat': admin('users.update', 'users.read'),
    'users.setRoles': admin('users.update'),
    'users.approve': admin('users.update'),
    'users.reject': admin('users.update'),
    'users.activate': admin('enterprises.create', 'users.create'),
    // the preview tells an admin without create permissions that they cannot activate (canActivate: false)
    'users.previewActivation': admin('users.read'),
    'accounts.list': admin('accounts.read'),
    'accounts.create': admin('accounts.create'),
    'accounts.update': admin('accounts.update'),
    'accounts.findDuplicates': admin('accounts.read'),
    'accounts.reviewQueue': admin('accounts.read'),
    'accounts.mergePreview': admin('accounts.read'),
    'accounts.merge': admin('accounts.update'),
    'accounts.dismissReview': admin('accounts.update'),
    'contacts.list': admin('contacts.read'),
    'contacts.create': admin('contacts.create'),
    'contacts.update': admin('contacts.update'),
    'licences.get': admin('licences.read'),
    'licences.grant': admin('licences.grant'),
    'orders.create': admin('licences.grant'),
    'orders.list': admin('licences.read'),
    'orders.get': admin('licences.read'),
    'audit.list': admin('audit.read'),
  },
} as const satisfies Record<string, Record<string, AccessRow>>;

export type FunctionName = keyof typeof ACCESS;
export type ActionName<F extends FunctionName> = keyof (typeof ACCESS)[F] & string;

/** The row of an action, or undefined when the table has none (the router then refuses the call). */
export function accessRow(fn: string, action: string): AccessRow | undefined {
  const rows = (ACCESS as Record<string, Record<string, AccessRow>>)[fn];
  return rows && Object.prototype.hasOwnProperty.call(rows, action) ? rows[action] : undefined;
}

/** Every admin permission some action needs: what the console offers when granting permissions. */
export function adminPermissionsInUse(): AdminPermission[] {
  const names = new Set<AdminPermission>();
  for (const row of Object.values(ACCESS.admin) as AdminRow[]) if (row.token) for (const p of row.permissions) names.add(p);
  return [...names].sort();
}

/**
 * The widest scope each kind of caller can ever read with, whatever their roles say: a visitor nothing,
 * a guest public records, a user without an Account (or still pending) their own and public ones —
 * members-only content needs an Account.
 */
export const READ_CAP: Record<CallerKind, Scope> = {
  visitor: 'none',
  guest: 'public',
  auto: 'own',
  pending: 'own',
  member: 'all',
  'account-admin': 'all',
};

/**
 * The widest scope each kind can ever write with. People of a customer change at most their own
 * Account's records; a guest may create (owned by the Guest record) but never update, since every
 * guest shares one record.
 */
export const WRITE_CAP: Record<CallerKind, Scope> = {
  visitor: 'none',
  guest: 'own',
  auto: 'own',
  pending: 'own',
  member: 'account',
  'account-admin': 'account',
};

const RANK: Record<Scope, number> = { none: 0, public: 1, own: 2, account: 3, all: 4 };

/** The narrower of a role's scope and a cap. */
export function capScope(scope: Scope, cap: Scope): Scope {
  return RANK[scope] <= RANK[cap] ? scope : cap;
}
