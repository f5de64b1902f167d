/** Wire shapes of the domain objects, as the mini program and the console see them. */
import type { MessageTemplate } from './notifications';

export type ObjectName = 'article' | 'device' | 'workOrder' | 'serviceRequest';
export type PermissionAction = 'read' | 'create' | 'update';
export type Scope = 'none' | 'public' | 'own' | 'account' | 'all';

export interface Permission {
  object: ObjectName;
  action: PermissionAction;
  scope: Scope;
}

export type UserStatus = 'active' | 'pending' | 'disabled';
export type UserKind = 'member' | 'guest';

export interface UserView {
  id: string;
  kind: UserKind;
  status: UserStatus;
  name: string;
  enterpriseId: string;
  accountId?: string;
  contactId?: string;
  roleIds: string[];
  mobile?: string;
  methodId?: string;
  createdAt: string;
  /** pending users: the Account they asked to join by name (see `admin.users.approve`) */
  joinRequest?: import('./registration').JoinRequestView;
}

export interface EnterpriseView {
  id: string;
  name: string;
  accountId?: string;
}

export interface AccountRef {
  id: string;
  name: string;
}

export interface ContactRef {
  id: string;
  name: string;
  mobile1?: string;
}

export type SessionState = 'member' | 'pending' | 'guest' | 'anonymous';
/** `oa-userinfo`: the Official Account portal must authorise again with `snsapi_userinfo` before anything is created */
export type NextStep = 'none' | 'register' | 'sms-login' | 'blocked' | 'oa-userinfo';

export interface SessionView {
  state: SessionState;
  user?: UserView;
  enterprise?: EnterpriseView;
  account?: AccountRef;
  contact?: ContactRef;
  roles: Array<{ id: string; name: string }>;
  permissions: Permission[];
  next: NextStep;
  /** the subscribe-message templates this app sends (`auth.login`/`me`): what consent is asked for */
  messageTemplates?: MessageTemplate[];
}

export interface ArticleView {
  id: string;
  title: string;
  summary: string;
  body: string;
  public: boolean;
  publishedAt: string;
}

export interface AdminView {
  id: string;
  username: string;
  displayName: string;
  permissions: string[];
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export type RegistrationMode = 'openid-auto' | 'form';
/** which kind of WeChat app an AppID is: a mini program, or an Official Account whose web portal logs in by OAuth */
export type AppKind = 'mini-program' | 'official-account';

/** Business records (`records` function). Ownership (Account, Contact, creator) never appears on the wire. */
export type DeviceStatus = 'running' | 'stopped' | 'maintenance' | 'retired';

export interface DeviceView {
  id: string;
  name: string;
  model: string;
  serialNumber: string;
  status: DeviceStatus;
  location?: string;
  installedAt?: string;
  public: boolean;
  createdAt: string;
  updatedAt: string;
  /** the caller's roles allow updating this very record */
  canUpdate: boolean;
}

export type WorkOrderStatus = 'open' | 'in_progress' | 'resolved' | 'closed' | 'cancelled';
export type WorkOrderPriority = 'low' | 'normal' | 'high' | 'urgent';

export interface WorkOrderView {
  id: string;
  title: string;
  description: string;
  priority: WorkOrderPriority;
  status: WorkOrderStatus;
  deviceId?: string;
  deviceName?: string;
  createdByName: string;
  /** created by the caller */
  mine: boolean;
  createdAt: string;
  updatedAt: string;
  canUpdate: boolean;
  /** statuses the caller may move it to now (empty when they may not update it) */
  nextStatuses: WorkOrderStatus[];
}

export type ServiceRequestCategory = 'consultation' | 'installation' | 'repair' | 'training' | 'other';
export type ServiceRequestStatus = 'submitted' | 'processing' | 'done' | 'cancelled';

export interface ServiceRequestView {
  id: string;
  category: ServiceRequestCategory;
  subject: string;
  description: string;
  contactName?: string;
  contactPhone?: string;
  status: ServiceRequestStatus;
  createdByName: string;
  mine: boolean;
  createdAt: string;
  updatedAt: string;
  canUpdate: boolean;
  nextStatuses: ServiceRequestStatus[];
}

export interface RecordViews {
  article: ArticleView;
  device: DeviceView;
  workOrder: WorkOrderView;
  serviceRequest: ServiceRequestView;
}
export type RecordView = RecordViews[ObjectName];

/** `records.create` data per object; `account_id`/`contact_id`/owner are never part of it. */
export interface RecordCreateInputs {
  article: { title: string; summary?: string; body: string };
  device: { name: string; model: string; serialNumber: string; location?: string; installedAt?: string };
  workOrder: { title: string; description: string; priority?: WorkOrderPriority; deviceId?: string };
  serviceRequest: { category: ServiceRequestCategory; subject: string; description: string; contactName?: string; contactPhone?: string };
}

/** `records.update` data per object (`deviceId: ''` detaches the device). */
export interface RecordUpdateInputs {
  article: { title?: string; summary?: string; body?: string };
  device: { name?: string; location?: string };
  workOrder: { title?: string; description?: string; priority?: WorkOrderPriority; deviceId?: string; status?: WorkOrderStatus };
  serviceRequest: { subject?: string; description?: string; status?: ServiceRequestStatus };
}

export interface RoleView {
  id: string;
  name: string;
  nameEn?: string;
  builtin: boolean;
  immutable: boolean;
  permissions: Permission[];
}

/** Portal settings as the console sees them (camelCase; stored snake_case). */
export interface SettingsView {
  manualActivation: boolean;
  /** `dedicatedAccountId`: the Guest Account initialisation created, which has no Contacts or members */
  guest: { enabled: boolean; accountId?: string; accountName?: string; dedicatedAccountId: string };
  selfRegistration: { enabled: boolean };
  workOrder: { accountRequired: boolean; contactRequired: boolean };
  serviceRequest: { accountRequired: boolean; contactRequired: boolean };
  portal: { name: string; audience: string };
  terms: { version: string; url: string; privacyUrl: string };
  /** price of one Terminal User seat, in fen (integer) */
  seatPriceFen: number;
  updatedAt: string;
}

/** `settings.update`: every part optional; nested objects are merged, not replaced. */
export interface SettingsPatch {
  manualActivation?: boolean;
  /** choosing a real customer's Account (not the dedicated Guest Account) needs `confirmCustomerAccount: true` */
  guest?: { enabled?: boolean; accountId?: string; confirmCustomerAccount?: boolean };
  selfRegistration?: { enabled?: boolean };
  workOrder?: { accountRequired?: boolean; contactRequired?: boolean };
  serviceRequest?: { accountRequired?: boolean; contactRequired?: boolean };
  portal?: { name?: string; audience?: string };
  terms?: { version?: string; url?: string; privacyUrl?: string };
  seatPriceFen?: number;
}

/** A licence purchase: `created` (waiting for payment) → `paid`, or `expired` (unpaid after its window, closed at WeChat Pay) / `closed` (WeChat Pay closed or refused it). */
export type OrderState = 'created' | 'paid' | 'expired' | 'closed';

export interface OrderView {
  outTradeNo: string;
  seats: number;
  /** total in fen (CNY) */
  amount: number;
  unitPrice: number;
  state: OrderState;
  /** the WeChat Pay Native code to show as a QR code; only while the order can be paid */
  codeUrl?: string;
  createdAt: string;
  expiresAt: string;
  paidAt?: string;
  closedAt?: string;
  transactionId?: string;
  /** placed with the local runtime's WeChat Pay sandbox ("simulate payment" is offered) */
  sandbox: boolean;
}
