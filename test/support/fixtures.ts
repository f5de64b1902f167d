import type { Doc } from '../../cloudfunctions/core/ports';
import type { UserDoc } from '../../cloudfunctions/core/kernel/docs';
import { wechatBindingId } from '../../cloudfunctions/core/identity/bindings';
import type { TestRuntime } from './runtime';

/**
 * People and records written straight into a test runtime's store, for suites that need a known world
 * (several Accounts, members with given roles) without going through registration or activation.
 */

export interface Member {
  userId: string;
  openid: string;
  token: string;
  accountId?: string;
  contactId?: string;
  enterpriseId: string;
  kind: 'member' | 'pending';
}

let seq = 0;
const next = (prefix: string) => `${prefix}_fx${Date.now().toString(36)}${(seq++).toString(36).padStart(4, '0')}`;

export async function addAccount(t: TestRuntime, name = `测试客户 ${seq}`): Promise<string> {
  const id = next('acc');
  await t.rt.deps.store.insert('accounts', { _id: id, name, created_at: new Date().toISOString() });
  return id;
}

export interface MemberOptions {
  /** omitted: an `openid-auto`-style user with an enterprise of their own and no Account */
  accountId?: string;
  /** give the user a Contact of the Account (default true when there is an Account) */
  contact?: boolean;
  roleIds?: string[];
  status?: 'active' | 'pending';
  name?: string;
}

/** A user bound to a fresh OpenID under the dev app id, with a session token for that identity. */
export async function addMember(t: TestRuntime, opts: MemberOptions = {}): Promise<Member> {
  const store = t.rt.deps.store;
  const now = new Date().toISOString();
  const openid = next('oFx').replace(/_/g, '');
  const userId = next('usr');
  const name = opts.name ?? `成员${seq}`;
  const enterpriseId = opts.accountId ? `ent_${opts.accountId}` : next('ent');
  if (!(await store.get('ic_enterprises', enterpriseId))) {
    await store.insert('ic_enterprises', { _id: enterpriseId, name: `企业 ${enterpriseId}`, kind: opts.accountId ? 'account' : 'auto', ...(opts.accountId ? { account_id: opts.accountId } : {}), created_at: now });
  }
  let contactId: string | undefined;
  if (opts.accountId && opts.contact !== false) {
    contactId = next('con');
    await store.insert('contacts', { _id: contactId, account_id: opts.accountId, name, created_at: now });
  }
  const user: UserDoc = {
    _id: userId,
    kind: 'member',
    status: opts.status ?? 'active',
    name,
    enterprise_id: enterpriseId,
    enterprise_name: `企业 ${enterpriseId}`,
    role_ids: opts.roleIds ?? ['terminal-user'],
    holds_seat: true,
    created_at: now,
    updated_at: now,
  };
  if (opts.accountId) Object.assign(user, { account_id: opts.accountId, account_name: `客户 ${opts.accountId}` });
  if (contactId) Object.assign(user, { contact_id: contactId, contact_name: name });
  await store.insert('ic_users', user);
  const appid = t.rt.config.devAppId;
  await store.insert('ic_bindings', { _id: wechatBindingId({ appid, openid }), user_id: userId, type: 'wechat', appid, created_at: now });
  const { token } = await t.wechat({ openid, appid });
  return { userId, openid, token, accountId: opts.accountId, contactId, enterpriseId, kind: opts.status === 'pending' ? 'pending' : 'member' };
}

/** Inserts a record with the fields a created one has (owner fields as given), returning its id. */
export async function addRecord(t: TestRuntime, coll: string, fields: Record<string, unknown>): Promise<string> {
  const now = new Date().toISOString();
  const doc: Doc = { _id: next(coll.slice(0, 3)), created_at: now, updated_at: now, rev: 1, ...fields };
  await t.rt.deps.store.insert(coll, doc);
  return doc._id;
}

/** Valid create/update data per object, for suites that care about access rather than content. */
export const SAMPLE_CREATE: Record<string, Record<string, unknown>> = {
  article: { title: '测试文章', body: '正文' },
  device: { name: '测试设备', model: 'T-1', serialNumber: 'SN-T-0001' },
  workOrder: { title: '测试工单', description: '描述' },
  serviceRequest: { category: 'consultation', subject: '咨询服务', description: '描述', contactName: '王先生', contactPhone: '13900000000' },
};

export const SAMPLE_UPDATE: Record<string, Record<string, unknown>> = {
  article: { title: '改过的标题' },
  device: { location: '新位置' },
  workOrder: { title: '改过的标题' },
  serviceRequest: { subject: '改过的主题' },
};

/** The fields a stored record of each object needs to render (status open/submitted: still editable). */
export const RECORD_BODY: Record<string, Record<string, unknown>> = {
  articles: { title: '文章', summary: '', body: '正文', published_at: '2026-11-01T00:00:00.000Z' },
  devices: { name: '设备', model: 'M-1', serial_number: 'SN-1', status: 'running' },
  work_orders: { title: '工单', description: '描述', priority: 'normal', status: 'open' },
  service_requests: { category: 'repair', subject: '申请', description: '描述', status: 'submitted' },
};
