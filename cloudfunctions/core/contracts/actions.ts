import type { AdminView, ObjectName, Page, SessionView } from './domain';
import type { Permission, RecordCreateInputs, RecordUpdateInputs, RecordView, RoleView, SettingsPatch, SettingsView } from './domain';
import type { OrderState, OrderView } from './domain';
import type { AdminAccountView, AdminCreateIn, AdminsListOut, AdminUpdateIn } from './admin';
import type {
  AccountCreateIn,
  AccountsListIn,
  AccountUpdateIn,
  AccountView,
  ActivateIn,
  ActivationPreview,
  ActivationResult,
  AdminUserDetail,
  AdminUserRow,
  AdminUsersListIn,
  AuditEntryView,
  AuditListIn,
  ContactCreateIn,
  ContactsListIn,
  ContactUpdateIn,
  ContactView,
  DashboardView,
  LicencesGetIn,
  LicencesGrantIn,
  LicencesView,
  LicenceSummary,
} from './admin';
import type { Consent } from './registration';
import type { MergePreview, MergeResult, ReviewItem } from './account-merge';
import type { AcceptSubscriptionsOut, NotificationsOut } from './notifications';
import type {
  AccountNameCheck,
  ApprovalResult,
  DuplicateCandidate,
  MethodInput,
  MethodPatch,
  MethodView,
  RegistrationForm,
  RegistrySummary,
  SubmitRegistrationIn,
  SubmitRegistrationOut,
} from './registration';

/** Every deployed function and the actions it answers. Request `data` → response `data`. */
export interface AuthActions {
  login: { in: Record<string, never>; out: SessionView };
  me: { in: Record<string, never>; out: SessionView };
  loginAsGuest: { in: Record<string, never>; out: SessionView };
  sendSmsCode: { in: { phone: string; purpose: 'login' | 'bind' | 'register' }; out: { retryAfterSeconds: number } };
  /**
   * Proves the Contact's `mobile1` by a `login` code and binds the caller's OpenID to that activated user;
   * `consent` (the terms version of `portal`) is stored with the user. A phone without an activated user:
   * `auth/not-activated`.
   */
  loginBySms: { in: { phone: string; code: string; consent: Consent }; out: SessionView };
  /** records one-time consent for these templates (ids from `messageTemplates`); each later message spends one */
  acceptSubscriptions: { in: { templateIds: string[] }; out: AcceptSubscriptionsOut };
  /** what happened to the caller's registration, activation and service requests, newest first */
  notifications: { in: Record<string, never>; out: NotificationsOut };
  /** marks the caller's notifications read: all, or those named */
  readNotifications: { in: { ids?: string[] }; out: { marked: number } };
  /** removes the caller's WeChat binding (the user remains); answers the session as it now is */
  unbindWechat: { in: Record<string, never>; out: SessionView };
  /** whom the portal is for and the terms a login or registration agrees to (no login needed) */
  portal: { in: Record<string, never>; out: PortalView };
  /**
   * Exchanges WeChat's `getPhoneNumber` code (rate-limited: each exchange costs money), after explicit
   * consent. Binds the number to the caller's user at once when they have one; either way the number
   * counts as verified for `registration.submit` (no SMS code needed) for 30 minutes.
   */
  bindPhone: { in: { phoneCode: string; consent: Consent }; out: { mobile: string; bound: boolean } };
  /**
   * The Official Account web portal: exchanges the OAuth `code` (no bearer needed), then as `login`, plus
   * the portal session `token` later calls carry. No token when `next` is `oa-userinfo` (nothing created).
   */
  loginByOfficialAccount: { in: { appid: string; code: string }; out: OaLoginView };
  /** a fresh token for the caller's portal session (bearer: a portal token), until the session's end */
  renewSession: { in: Record<string, never>; out: PortalSessionToken };
  /** ends the caller's portal session at once: its tokens stop working */
  logout: { in: Record<string, never>; out: { ended: boolean } };
  /** `wx.config` for the portal page at `url`, signed with the Official Account's jsapi_ticket */
  jssdkConfig: { in: { url: string }; out: JssdkConfigView };
}

export interface PortalSessionToken {
  token: string;
  /** ISO time the token stops working unless renewed */
  expiresAt: string;
}

export type OaLoginView = SessionView & Partial<PortalSessionToken>;

/** What the portal passes to `wx.config` (plus its jsApiList). */
export interface JssdkConfigView {
  appId: string;
  timestamp: number;
  nonceStr: string;
  signature: string;
}

/** Self-registration (caller: mini program identity). The method is the one of the caller's app id. */
export interface RegistrationActions {
  getForm: { in: Record<string, never>; out: RegistrationForm };
  /** what `submit` would match the name to (rate-limited) */
  checkAccountName: { in: { name: string }; out: AccountNameCheck };
  /** `select-existing` only: queries of 4+ characters, at most 5 Accounts (rate-limited) */
  searchAccounts: { in: { query: string }; out: { items: Array<{ id: string; name: string }> } };
  /** `registry` only: at most 10 official names with their codes (rate-limited) */
  searchRegistry: { in: { query: string }; out: { items: RegistrySummary[] } };
  /** `registration/confirm-candidate` {candidateId, candidateName} when a similar Account needs a yes or no */
  submit: { in: SubmitRegistrationIn; out: SubmitRegistrationOut };
}

export interface PortalView {
  name: string;
  audience: string;
  terms: { version: string; url: string; privacyUrl: string };
}

export interface RecordsActions {
  list: { in: { object: ObjectName; filter?: Record<string, string | number | boolean>; cursor?: string; limit?: number }; out: Page<RecordView> };
  get: { in: { object: ObjectName; id: string }; out: RecordView };
  /** owned by the caller's binding (the shared Guest record for guests); never `account_id` & co. from `data` */
  create: { in: { [O in ObjectName]: { object: O; data: RecordCreateInputs[O] } }[ObjectName]; out: RecordView };
  update: { in: { [O in ObjectName]: { object: O; id: string; data: RecordUpdateInputs[O] } }[ObjectName]; out: RecordView };
}

/** Console sign-in. */
export interface AdminSessionActions {
  login: { in: { username: string; password: string }; out: { token: string; admin: AdminView; expiresAt: string } };
  me: { in: Record<string, never>; out: AdminView };
  /** ends this session at once: the token stops working */
  logout: { in: Record<string, never>; out: { ended: true } };
  /** the console calls it while in use: the session lives on, with a fresh token */
  renew: { in: Record<string, never>; out: { token: string; expiresAt: string } };
  /** ends every session of this admin (this one included) and answers a fresh one */
  'password.change': { in: { currentPassword: string; newPassword: string }; out: { token: string; expiresAt: string } };
}

/** Console admins (only a super admin: `*` or `admins.manage`). */
export interface AdminAdminsActions {
  'admins.list': { in: Record<string, never>; out: AdminsListOut };
  'admins.create': { in: AdminCreateIn; out: AdminAccountView };
  'admins.update': { in: AdminUpdateIn; out: AdminAccountView };
  'admins.disable': { in: { id: string }; out: AdminAccountView };
  'admins.enable': { in: { id: string }; out: AdminAccountView };
}

/** Terminal users. */
export interface AdminUsersActions {
  'users.list': { in: AdminUsersListIn; out: Page<AdminUserRow> };
  'users.get': { in: { userId: string }; out: AdminUserDetail };
  /** frees the seat; the user's next call fails with `auth/disabled` */
  'users.disable': { in: { userId: string }; out: AdminUserRow };
  /** takes a seat again (`licence/exhausted` when none is free) */
  'users.enable': { in: { userId: string }; out: AdminUserRow };
  /** removes one WeChat binding (`bindingId`) or all of the user's WeChat bindings */
  'users.unbindWechat': { in: { userId: string; bindingId?: string }; out: AdminUserDetail };
}

/** Manual activation (needs the switch on and `enterprises.create` + `users.create`). */
export interface AdminActivationActions {
  /** all or nothing: one enterprise per Account, one user and one seat per new Contact user */
  'users.activate': { in: ActivateIn; out: ActivationResult };
  /** what `users.activate` would do with this input; changes nothing */
  'users.previewActivation': { in: Pick<ActivateIn, 'accounts'>; out: ActivationPreview };
}

/** CRM Accounts and Contacts. */
export interface AdminAccountsActions {
  'accounts.list': { in: AccountsListIn; out: Page<AccountView> };
  'accounts.create': { in: AccountCreateIn; out: AccountView };
  'accounts.update': { in: AccountUpdateIn; out: AccountView };
}

export interface AdminContactsActions {
  'contacts.list': { in: ContactsListIn; out: Page<ContactView> };
  'contacts.create': { in: ContactCreateIn; out: ContactView };
  'contacts.update': { in: ContactUpdateIn; out: ContactView };
}

/** Terminal User seats. */
export interface AdminLicencesActions {
  'licences.get': { in: LicencesGetIn; out: LicencesView };
  'licences.grant': { in: LicencesGrantIn; out: LicenceSummary };
}

export interface AdminAuditActions {
  /** newest first */
  'audit.list': { in: AuditListIn; out: Page<AuditEntryView> };
}

export interface AdminDashboardActions {
  dashboard: { in: Record<string, never>; out: DashboardView };
}

/** Buying seats with WeChat Pay (Native: the console shows `codeUrl` as a QR code). */
export interface AdminOrdersActions {
  'orders.create': { in: { seats: number }; out: { outTradeNo: string; codeUrl: string; amount: number; expiresAt: string; sandbox: boolean } };
  /** newest first; `seatPriceFen` is today's price of one seat */
  'orders.list': { in: { state?: OrderState; cursor?: string; limit?: number }; out: Page<OrderView> & { seatPriceFen: number } };
  'orders.get': { in: { outTradeNo: string }; out: OrderView };
}

/** Roles and who holds them. The built-in Guest role answers `roles/immutable`. */
export interface AdminRolesActions {
  'roles.list': { in: Record<string, never>; out: { items: RoleView[] } };
  'roles.create': { in: { name: string; nameEn?: string; permissions: Permission[] }; out: RoleView };
  /** `permissions`, when given, replaces the role's whole list */
  'roles.update': { in: { id: string; name?: string; nameEn?: string; permissions?: Permission[] }; out: RoleView };
  /** refused with `roles/in-use` while users or registration methods hold it, `roles/builtin` for built-ins */
  'roles.delete': { in: { id: string }; out: { id: string } };
  'users.setRoles': { in: { userId: string; roleIds: string[] }; out: { userId: string; roleIds: string[] } };
}

/** Portal settings (camelCase here, snake_case in the stored document). */
export interface AdminSettingsActions {
  'settings.get': { in: Record<string, never>; out: SettingsView };
  /** enabling guests (or changing their Account) repairs the Guest records in the same call */
  'settings.update': { in: SettingsPatch; out: SettingsView };
}

/**
 * The `admin` function's actions: one interface per area (add an area's interface here), so areas can
 * grow without touching each other.
 */
/** Self-registration methods (one enabled method per mini program app id). */
export interface AdminMethodsActions {
  'methods.list': { in: Record<string, never>; out: { items: MethodView[] } };
  'methods.create': { in: MethodInput; out: MethodView };
  'methods.update': { in: MethodPatch; out: MethodView };
  'methods.delete': { in: { id: string }; out: { id: string } };
}

/** The approval queue: registrants who joined an existing Account by name alone (`status: pending`). */
export interface AdminApprovalsActions {
  /** active at once, with a Contact under the Account they asked to join */
  'users.approve': { in: { userId: string }; out: ApprovalResult };
  /** a user created by that registration is removed (seat freed); an existing one goes back as it was */
  'users.reject': { in: { userId: string; reason: string }; out: ApprovalResult };
}

/** Duplicate check for the console's Account forms. */
export interface AdminDuplicatesActions {
  'accounts.findDuplicates': {
    in: { name: string; creditCode?: string };
    out: { key: string; creditCodeCheck?: 'valid' | 'bad-check-digit' | 'malformed'; candidates: DuplicateCandidate[] };
  };
}

/** Account clean-up: the review queue of possible duplicates and merging one Account into another (issue 16). */
export interface AdminAccountMergeActions {
  'accounts.reviewQueue': { in: { cursor?: string; limit?: number }; out: Page<ReviewItem> };
  'accounts.dismissReview': { in: { id: string }; out: { id: string; needsReview: false } };
  'accounts.mergePreview': { in: { keepId: string; mergeId: string }; out: MergePreview };
  'accounts.merge': { in: { keepId: string; mergeId: string }; out: MergeResult };
}

export type AdminActions = AdminSessionActions &
  AdminAccountMergeActions &
  AdminAdminsActions &
  AdminMethodsActions &
  AdminApprovalsActions &
  AdminDuplicatesActions &
  AdminRolesActions &
  AdminSettingsActions &
  AdminUsersActions &
  AdminActivationActions &
  AdminAccountsActions &
  AdminContactsActions &
  AdminLicencesActions &
  AdminAuditActions &
  AdminDashboardActions &
  AdminOrdersActions;

export interface FunctionActions {
  auth: AuthActions;
  records: RecordsActions;
  registration: RegistrationActions;
  admin: AdminActions;
}

export type FunctionName = keyof FunctionActions;
export type ActionName<F extends FunctionName> = keyof FunctionActions[F] & string;
export type ActionIn<F extends FunctionName, A extends ActionName<F>> = FunctionActions[F][A] extends { in: infer I } ? I : never;
export type ActionOut<F extends FunctionName, A extends ActionName<F>> = FunctionActions[F][A] extends { out: infer O } ? O : never;
