/**
 * Every collection, its secondary indexes and its unique keys, declared once. The SQLite adapter creates
 * them at start; the CloudBase deploy step creates them in the document database.
 * An index is a list of field paths (`_id` allowed, e.g. to page by id within an account); `unique` ones
 * reject a second document with the same values.
 */
export interface IndexDecl {
  fields: string[];
  unique?: boolean;
}

export interface CollectionDecl {
  name: string;
  indexes: IndexDecl[];
}

const c = (name: string, ...indexes: IndexDecl[]): CollectionDecl => ({ name, indexes });
const idx = (...fields: string[]): IndexDecl => ({ fields });
const uniq = (...fields: string[]): IndexDecl => ({ fields, unique: true });

export const COLLECTIONS = [
  c('settings'),
  c('admins', uniq('username')),
  c('roles', idx('builtin')),
  c('methods', idx('app_id', 'enabled')),
  c('accounts', idx('name_key'), idx('credit_code'), idx('created_at')),
  c('contacts', idx('account_id'), idx('mobile1')),
  c('ic_enterprises', idx('account_id'), idx('created_at')),
  c('ic_users', idx('status', '_id'), idx('name'), idx('enterprise_id'), idx('account_id'), idx('contact_id')),
  /** `_id` = `wx:{appid}:{openid}` | `union:{unionid}` | `mobile:{mobile}`: one person, one user */
  c('ic_bindings', idx('user_id')),
  c('licences'),
  c('counters'),
  c('articles', idx('public', '_id')),
  c('devices', idx('account_id', '_id'), idx('public', '_id')),
  c('work_orders', idx('account_id', '_id'), idx('created_by', '_id')),
  c('service_requests', idx('account_id', '_id'), idx('created_by', '_id')),
  /** one live code per phone+purpose, `_id` keyed by an HMAC; expired ones are overwritten on the next send */
  c('sms_codes'),
  /** daily budgets (SMS per phone, per IP, …): `_id` keyed by an HMAC of subject and day */
  c('rate_limits', idx('day')),
  c('audit_log', idx('at'), idx('actor', 'at')),
] as const satisfies readonly CollectionDecl[];

export type CollectionName = (typeof COLLECTIONS)[number]['name'];
