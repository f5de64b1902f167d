import type {
  DeviceStatus,
  Permission,
  RegistrationMode,
  ServiceRequestCategory,
  ServiceRequestStatus,
  UserKind,
  UserStatus,
  WorkOrderPriority,
  WorkOrderStatus,
} from '../contracts/domain';

/** Stored document shapes (snake_case, as in the collections). */

export interface SettingsDoc {
  _id: 'global';
  manual_activation: boolean;
  guest: { enabled: boolean; account_id?: string };
  self_registration: { enabled: boolean };
  work_order: { account_required: boolean; contact_required: boolean };
  service_request: { account_required: boolean; contact_required: boolean };
  portal: { name: string; audience: string };
  terms: { version: string; url: string; privacy_url: string };
  /** price of one Terminal User seat in fen (integer); read by licence orders */
  seat_price_fen: number;
  updated_at: string;
  [key: string]: unknown;
}

export interface MethodDoc {
  _id: string;
  name: string;
  app_id: string;
  enabled: boolean;
  mode: RegistrationMode;
  role_ids: string[];
  created_at: string;
  [key: string]: unknown;
}

export interface RoleDoc {
  _id: string;
  name: string;
  name_en?: string;
  builtin: boolean;
  immutable: boolean;
  permissions: Permission[];
  [key: string]: unknown;
}

export interface AccountDoc {
  _id: string;
  name: string;
  [key: string]: unknown;
}

export interface ContactDoc {
  _id: string;
  account_id: string;
  name: string;
  mobile1?: string;
  [key: string]: unknown;
}

export type EnterpriseKind = 'account' | 'auto' | 'guest';

export interface EnterpriseDoc {
  _id: string;
  name: string;
  kind: EnterpriseKind;
  account_id?: string;
  created_at: string;
  [key: string]: unknown;
}

export interface UserDoc {
  _id: string;
  kind: UserKind;
  status: UserStatus;
  name: string;
  enterprise_id: string;
  enterprise_name: string;
  account_id?: string;
  account_name?: string;
  contact_id?: string;
  contact_name?: string;
  role_ids: string[];
  method_id?: string;
  mobile?: string;
  holds_seat: boolean;
  created_at: string;
  updated_at: string;
  [key: string]: unknown;
}

export interface BindingDoc {
  _id: string;
  user_id: string;
  type: 'wechat' | 'unionid' | 'mobile';
  created_at: string;
  [key: string]: unknown;
}

export interface LicenceDoc {
  _id: 'terminal-user';
  total: number;
  used: number;
  [key: string]: unknown;
}

export interface AdminDoc {
  _id: string;
  username: string;
  display_name: string;
  password_hash: string;
  permissions: string[];
  failed_attempts: number;
  locked_until: number;
  /** a disabled admin cannot sign in and its sessions are ended */
  disabled?: boolean;
  created_at?: string;
  updated_at?: string;
  last_login_at?: string;
  /** ms: sessions opened before this (a password change, a disable) no longer work */
  sessions_valid_after?: number;
  [key: string]: unknown;
}

/** One console sign-in; the admin token carries its id. Ended by logout, a password change or a disable. */
export interface AdminSessionDoc {
  _id: string;
  admin_id: string;
  created_at: string;
  created_ms: number;
  /** ms since the epoch; slides forward while the console is in use */
  expires_at: number;
  /** when `expires_at` last moved (ms), so a busy console writes at most once a minute */
  touched_at: number;
  ended: boolean;
  [key: string]: unknown;
}

/** A login budget, counted before any password is checked (core/admin/login-guard.ts). */
export interface AdminLoginAttemptDoc {
  _id: string;
  /** hmac of the lowercased user name: `npm run admin:unlock` finds a name's budgets by it */
  subject: string;
  /** attempts taken in the current window (a success gives its own back) */
  attempts: number;
  window_until: number;
  locked_until: number;
  [key: string]: unknown;
}

export interface ArticleDoc {
  _id: string;
  title: string;
  summary: string;
  body: string;
  public: boolean;
  published_at: string;
  [key: string]: unknown;
}

/**
 * What every business record carries about who owns it. Stamped from the caller's binding at creation
 * (never from input) and never changed by `records.update`; `rev` counts writes (optimistic concurrency).
 */
export interface OwnedFields {
  created_by?: string;
  created_by_name?: string;
  enterprise_id?: string;
  account_id?: string;
  contact_id?: string;
  created_at: string;
  updated_at?: string;
  updated_by?: string;
  rev?: number;
}

export interface DeviceDoc extends OwnedFields {
  _id: string;
  name: string;
  model: string;
  serial_number: string;
  status: DeviceStatus;
  location?: string;
  installed_at?: string;
  public: boolean;
  [key: string]: unknown;
}

export interface WorkOrderDoc extends OwnedFields {
  _id: string;
  title: string;
  description: string;
  priority: WorkOrderPriority;
  status: WorkOrderStatus;
  device_id?: string;
  device_name?: string;
  [key: string]: unknown;
}

export interface ServiceRequestDoc extends OwnedFields {
  _id: string;
  category: ServiceRequestCategory;
  subject: string;
  description: string;
  contact_name?: string;
  contact_phone?: string;
  status: ServiceRequestStatus;
  [key: string]: unknown;
}

/** A licence purchase (`orders`). `_id` is the WeChat Pay out_trade_no. */
export interface OrderDoc {
  _id: string;
  state: 'created' | 'paid' | 'expired' | 'closed';
  seats: number;
  unit_price_fen: number;
  amount_fen: number;
  currency: 'CNY';
  description: string;
  /** the merchant and app the order was placed as: a notification must name the same */
  mchid: string;
  appid: string;
  mode: 'production' | 'sandbox';
  /** WeChat Pay's code_url, once the order was placed */
  code_url?: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  paid_at?: string;
  transaction_id?: string;
  paid_via?: 'notification' | 'query';
  closed_at?: string;
  close_reason?: string;
  [key: string]: unknown;
}

/** An Official Account portal session (`web_sessions`); its tokens are short-lived and renewed until `ends_at`. */
export interface WebSessionDoc {
  _id: string;
  appid: string;
  openid: string;
  unionid?: string;
  /** the user the login landed on, if any (guests and visitors have none) */
  user_id?: string;
  created_at: string;
  /** epoch ms: no renewal goes past it */
  ends_at: number;
  /** set by logout: every token of the session stops working */
  ended_at?: string;
  [key: string]: unknown;
}

/** A WeChat credential shared by every function instance (`wechat_credentials`). */
export interface WechatCredentialDoc {
  _id: string;
  value: string;
  /** epoch ms, as WeChat's `expires_in` says */
  expires_at: number;
  /** epoch ms WeChat was last asked */
  checked_at: number;
  fetched_at: string;
  [key: string]: unknown;
}
