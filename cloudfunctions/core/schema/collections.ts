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
  /** one document per console sign-in (the token carries its id): logout, a password change or a disable ends it at once */
  c('admin_sessions', idx('admin_id', 'expires_at')),
  /** admin login budgets, counted before the password is checked: `_id` = `pair_{hmac(name, ip)}` | `name_{hmac(name)}` */
  c('admin_login_attempts', idx('subject'), idx('window_until')),
  /** role names are what admins pick from: unique */
  c('roles', idx('builtin'), uniq('name')),
  c('methods', idx('app_id', 'enabled')),
  /** `name`: the console's name-prefix search */
  c('accounts', idx('name_key'), idx('credit_code'), idx('created_at'), idx('name'), idx('name_core'), idx('name_canon'), idx('needs_review', '_id')),
  /** duplicate check: `_id` = `name_{hex(normalised key)}` | `uscc_{hex(code)}` → the Account holding it (registration/name-index.ts) */
  c('account_keys'),
  /** duplicate check: distinctive bigrams of each Account's core name (`_id` = `{hex(gram)}_{accountId}`), read per gram */
  c('account_grams', idx('gram', '_id')),
  /** Account merges: one journal per merged Account (`_id` = `merge_{mergeId}`), steps resumable after a crash */
  c('account_merges'),
  /** a mobile verified by SMS or WeChat, waiting for the registration it was verified for; `_id` = WeChat binding id */
  c('mobile_proofs'),
  c('contacts', idx('account_id'), idx('mobile1'), idx('account_id', '_id'), idx('name')),
  c('ic_enterprises', idx('account_id'), idx('created_at')),
  /**
   * The console's user filters each have an index ending in `_id` (newest first); `created_at` counts
   * registrations per day; `holds_seat` lists seat holders. `role_ids` is an array: a multikey index on
   * CloudBase (SQLite cannot index inside JSON arrays: there the role filter walks the `_id` order).
   */
  c(
    'ic_users',
    idx('status', '_id'),
    idx('name'),
    idx('enterprise_id'),
    idx('account_id'),
    idx('contact_id'),
    idx('account_id', '_id'),
    idx('method_id', '_id'),
    idx('role_ids', '_id'),
    idx('holds_seat', '_id'),
    idx('created_at'),
    // the console's search by phone
    idx('mobile'),
  ),
  /** `_id` = `wx:{appid}:{openid}` | `union:{unionid}` | `mobile:{mobile}`: one person, one user */
  c('ic_bindings', idx('user_id')),
  /** whose an identity was once unbound, and the one auto user it owns (identity/ledger.ts): a disable sticks to the person */
  c('ic_identity_history', idx('identity'), idx('user_id')),
  /** Official Account portal sessions (the token carries the id): logout ends one at once; `user_id` finds a person's */
  c('web_sessions', idx('user_id')),
  /** WeChat credentials every function instance shares: `_id` = `access_token:{appid}` | `jsapi_ticket:{appid}` */
  c('wechat_credentials'),
  c('licences'),
  c('counters'),
  c('articles', idx('public', '_id')),
  c('devices', idx('account_id', '_id'), idx('public', '_id'), idx('created_by', '_id')),
  c('work_orders', idx('account_id', '_id'), idx('created_by', '_id')),
  c('service_requests', idx('account_id', '_id'), idx('created_by', '_id')),
  /** one live code per phone+purpose, `_id` keyed by an HMAC; expired ones are overwritten on the next send */
  c('sms_codes'),
  /** daily budgets (SMS per phone, per IP, …): `_id` keyed by an HMAC of subject and day */
  c('rate_limits', idx('day')),
  /** licence purchases through WeChat Pay: `_id` = out_trade_no (time-ordered); the sweep finds overdue `created` ones */
  c('orders', idx('state', '_id'), idx('state', 'expires_at')),
  /** in-app notifications, one document per reader (`recipient` = `user:{id}` or a WeChat binding id), newest first */
  c('notifications', idx('recipient', 'created_at')),
  /** one-time subscribe-message consents: `_id` = `{binding id}|{template id}`, `remaining` spent one per message */
  c('message_consents'),
  /** messages to people (subscribe messages, SMS invitations) until sent; failed ones are retried when due */
  c('message_outbox', idx('state', 'next_at')),
  /** the console filters the log by actor, action or target, newest first */
  c('audit_log', idx('at'), idx('actor', 'at'), idx('action', 'at'), idx('target', 'at')),
] as const satisfies readonly CollectionDecl[];

export type CollectionName = (typeof COLLECTIONS)[number]['name'];
