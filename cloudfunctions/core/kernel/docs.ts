import type { Permission, RegistrationMode, UserKind, UserStatus } from '../contracts/domain';

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
