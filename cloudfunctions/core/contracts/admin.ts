import type { Page, UserStatus, UserView } from './domain';

/**
 * Wire shapes of the console's admin areas: terminal users, manual activation, Accounts and Contacts,
 * licences, the audit log and the dashboard. Type-only; the actions that carry them are in actions.ts.
 */

/**
 * Admin permissions. An admin's `permissions` holds these names, `area.*` for a whole area, or `*` for
 * everything (the seeded demo admin). Manual activation needs both `enterprises.create` and `users.create`.
 * `admins.manage` (or `*`) makes a super admin: the one who creates admins and grants these.
 */
export const ADMIN_PERMISSIONS = [
  'dashboard.read',
  'users.read',
  'users.create',
  'users.update',
  'enterprises.create',
  'accounts.read',
  'accounts.create',
  'accounts.update',
  'contacts.read',
  'contacts.create',
  'contacts.update',
  'licences.read',
  'licences.grant',
  'audit.read',
  'roles.read',
  'roles.update',
  'settings.read',
  'settings.update',
  'admins.manage',
] as const;

export type AdminPermission = (typeof ADMIN_PERMISSIONS)[number];

/** A console admin as `admins.list` shows it. */
export interface AdminAccountView {
  id: string;
  username: string;
  displayName: string;
  permissions: string[];
  disabled: boolean;
  createdAt?: string;
  updatedAt?: string;
  lastLoginAt?: string;
}

export interface AdminsListOut {
  items: AdminAccountView[];
  /** the permission vocabulary a super admin grants from (plus `area.*` and `*`) */
  permissions: AdminPermission[];
}

export interface AdminCreateIn {
  username: string;
  displayName: string;
  /** 12 characters or more */
  password: string;
  permissions: string[];
}

/** A new password or a disable ends every session of that admin at once. */
export interface AdminUpdateIn {
  id: string;
  displayName?: string;
  permissions?: string[];
  password?: string;
}

/** Terminal User seats. */
export interface LicenceSummary {
  total: number;
  used: number;
  free: number;
}

/** How a terminal user joined: a self-registration method's id, or `manual` (activated by an admin). */
export const MANUAL_METHOD_ID = 'manual';

/** One row of the terminal users table. */
export type AdminUserRow = UserView & {
  enterpriseName: string;
  accountName?: string;
  contactName?: string;
  /** holds a Terminal User seat (every active non-guest user does) */
  holdsSeat: boolean;
};

export interface AdminUsersListIn {
  /** name prefix (not a substring: it is a range over the name index) */
  query?: string;
  status?: UserStatus;
  accountId?: string;
  /** a method id, or `manual` */
  methodId?: string;
  roleId?: string;
  cursor?: string;
  limit?: number;
}

/** A way a user proves who they are. `id` is what `users.unbindWechat {bindingId}` takes. */
export interface BindingView {
  id: string;
  type: 'wechat' | 'unionid' | 'mobile';
  appid?: string;
  /** which kind of WeChat app the binding's appid is: an Official Account this deployment serves, or a mini program */
  appKind?: 'mini-program' | 'official-account';
  /** for people: OpenID/UnionID/mobile with the middle masked */
  label: string;
  createdAt: string;
}

export interface AuditEntryView {
  id: string;
  at: string;
  /** `admin:{id}`, `user:{id}`, `wechat:{appid}` or `system` */
  actor: string;
  action: string;
  target: string;
  details?: Record<string, unknown>;
  /** the names of what the entry mentions: an id (or `admin:{id}` for an admin actor) → its name */
  names?: Record<string, string>;
}

/** `users.get`: the row plus bindings and the user's history from the audit log (newest first). */
export interface AdminUserDetail extends AdminUserRow {
  updatedAt: string;
  bindings: BindingView[];
  history: AuditEntryView[];
}

/** One Account of an activation request; `contactIds` omitted = every Contact of the Account. */
export interface ActivationSelection {
  accountId: string;
  contactIds?: string[];
}

export interface ActivateIn {
  accounts: ActivationSelection[];
  /** roles every new user gets (not the Guest role) */
  roleIds: string[];
}

export interface ActivationPreviewContact {
  id: string;
  name: string;
  mobile1?: string;
  /** part of this request */
  selected: boolean;
  /** the Interconnection user this Contact already has, if any */
  userId?: string;
  userStatus?: UserStatus;
  /** selected and not yet a user: activating will create a user and take a seat */
  willActivate: boolean;
}

export interface ActivationPreviewAccount {
  id: string;
  name: string;
  /** false when the Account has no Contact (`activation/no-contact`) */
  activatable: boolean;
  /** the Interconnection Enterprise, when it exists already */
  enterpriseId?: string;
  /** at most 100, by id */
  contacts: ActivationPreviewContact[];
}

/** What `users.activate` would do with the same input, without doing it. */
export interface ActivationPreview {
  accounts: ActivationPreviewAccount[];
  seatsNeeded: number;
  seats: LicenceSummary;
  enoughSeats: boolean;
  /** the Manual Activation switch */
  manualActivation: boolean;
  /** switch on and this admin holds `enterprises.create` and `users.create` */
  canActivate: boolean;
}

export interface ActivatedUser {
  userId: string;
  accountId: string;
  contactId: string;
  status: UserStatus;
}

export interface ActivationResult {
  /** users created by this request (one seat each) */
  activated: ActivatedUser[];
  /** Contacts that already had a user: left exactly as they were */
  unchanged: ActivatedUser[];
  enterprisesCreated: string[];
  seatsTaken: number;
  seats: LicenceSummary;
}

export interface AccountView {
  id: string;
  name: string;
  recordType?: string;
  owner?: string;
  creditCode?: string;
  /** the credit code's GB 32100 check digit failed: kept, flagged for review */
  creditCodeSuspect?: boolean;
  contactCount: number;
  /** its Interconnection Enterprise, when activated */
  enterpriseId?: string;
  createdAt: string;
  updatedAt?: string;
}

export interface AccountsListIn {
  /** name prefix */
  query?: string;
  cursor?: string;
  limit?: number;
}

export interface AccountCreateIn {
  name: string;
  recordType?: string;
  owner?: string;
  /** unified social credit code (18 characters) */
  creditCode?: string;
}

export interface AccountUpdateIn {
  id: string;
  name?: string;
  recordType?: string;
  owner?: string;
  creditCode?: string;
}

export interface ContactView {
  id: string;
  accountId: string;
  accountName?: string;
  name: string;
  mobile1?: string;
  recordType?: string;
  owner?: string;
  /** the Interconnection user of this Contact, when activated */
  userId?: string;
  userStatus?: UserStatus;
  createdAt: string;
  updatedAt?: string;
}

export interface ContactsListIn {
  accountId?: string;
  /** name prefix */
  query?: string;
  cursor?: string;
  limit?: number;
}

export interface ContactCreateIn {
  accountId: string;
  name: string;
  /** mainland mobile, 11 digits; what SMS login checks */
  mobile1?: string;
  recordType?: string;
  owner?: string;
}

export interface ContactUpdateIn {
  id: string;
  name?: string;
  mobile1?: string;
  recordType?: string;
  owner?: string;
}

export interface LicencesGetIn {
  /** pages the seat holders */
  cursor?: string;
  limit?: number;
}

export interface LicencesView extends LicenceSummary {
  holders: Page<AdminUserRow>;
}

export interface LicencesGrantIn {
  seats: number;
  reason: string;
}

export interface AuditListIn {
  actor?: string;
  action?: string;
  target?: string;
  /** ISO time, inclusive */
  from?: string;
  /** ISO time, exclusive */
  to?: string;
  cursor?: string;
  limit?: number;
}

export interface DailyCount {
  /** calendar day in China time, YYYY-MM-DD */
  day: string;
  count: number;
}

export interface DashboardView {
  seats: LicenceSummary;
  users: { active: number; pending: number; disabled: number };
  /** the last 30 days, oldest first, today last: terminal users created per day */
  registrationsPerDay: DailyCount[];
  pendingApprovals: number;
  /** the latest audit entries, newest first */
  recentActivity: AuditEntryView[];
}
