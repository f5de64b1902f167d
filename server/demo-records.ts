import type { Deps, Doc } from '../cloudfunctions/core/ports';
import { StoreConflictError } from '../cloudfunctions/core/ports';
import type { BindingDoc, EnterpriseDoc, UserDoc } from '../cloudfunctions/core/kernel/docs';
import { auditInTx } from '../cloudfunctions/core/audit/audit';
import { takeSeatInTx } from '../cloudfunctions/core/licences/seats';
import { wechatBindingId } from '../cloudfunctions/core/identity/bindings';
import type { ServerConfig } from './config';
import { DEMO_ACCOUNTS, DEMO_CONTACTS, DEMO_DEVICES, DEMO_MEMBERS, DEMO_WORK_ORDERS } from './demo-data';

const MARKER = 'demo-seed-records';
const enterpriseIdOf = (accountId: string) => accountId.replace(/^acc_/, 'ent_');

async function insertMissing(deps: Deps, coll: string, doc: Doc): Promise<void> {
  try {
    await deps.store.insert(coll, doc);
  } catch (e) {
    if (!(e instanceof StoreConflictError)) throw e;
  }
}

/** A demo member as manual activation would leave them: enterprise, user, WeChat binding, one seat. */
async function seedMember(deps: Deps, config: ServerConfig, m: (typeof DEMO_MEMBERS)[number], now: string): Promise<void> {
  const account = DEMO_ACCOUNTS.find((a) => a._id === m.account_id)!;
  const contact = DEMO_CONTACTS.find((c) => c._id === m.contact_id)!;
  await deps.store.transaction(async (tx) => {
    if (await tx.get('ic_users', m.user_id)) return;
    const user: UserDoc = {
      _id: m.user_id,
      kind: 'member',
      status: 'active',
      name: contact.name,
      enterprise_id: enterpriseIdOf(account._id),
      enterprise_name: account.name,
      account_id: account._id,
      account_name: account.name,
      contact_id: contact._id,
      contact_name: contact.name,
      role_ids: [...m.role_ids],
      method_id: 'manual',
      mobile: contact.mobile1,
      holds_seat: true,
      created_at: now,
      updated_at: now,
    };
    const binding: BindingDoc = { _id: wechatBindingId({ appid: config.devAppId, openid: m.openid }), user_id: user._id, type: 'wechat', appid: config.devAppId, created_at: now };
    await takeSeatInTx(tx);
    await tx.insert('ic_users', user);
    if (!(await tx.get('ic_bindings', binding._id))) await tx.insert('ic_bindings', binding);
    await auditInTx(deps, tx, { actor: 'system', action: 'user.activated', target: user._id, details: { reason: 'demo seed', openid: m.openid } });
  });
}

/**
 * Demo members, devices and work orders, once (a marker records that it ran; every id is fixed, so a
 * re-run would change nothing either). Runs after the demo seats were granted.
 */
export async function seedDemoRecords(deps: Deps, config: ServerConfig): Promise<void> {
  if (await deps.store.get('counters', MARKER)) return;
  const now = new Date(deps.clock.now()).toISOString();
  for (const a of DEMO_ACCOUNTS) await insertMissing(deps, 'accounts', { ...a, created_at: now });
  for (const c of DEMO_CONTACTS) await insertMissing(deps, 'contacts', { ...c, created_at: now });
  for (const a of DEMO_ACCOUNTS) {
    const ent: EnterpriseDoc = { _id: enterpriseIdOf(a._id), name: a.name, kind: 'account', account_id: a._id, created_at: now };
    await insertMissing(deps, 'ic_enterprises', ent);
  }
  for (const m of DEMO_MEMBERS) await seedMember(deps, config, m, now);
  for (const dv of DEMO_DEVICES) {
    const at = new Date(Date.parse(dv.installed_at)).toISOString();
    await insertMissing(deps, 'devices', { ...dv, created_by: 'crm', created_by_name: '业务系统', enterprise_id: enterpriseIdOf(dv.account_id), created_at: at, updated_at: at, rev: 1 });
  }
  for (const wo of DEMO_WORK_ORDERS) {
    const m = DEMO_MEMBERS.find((x) => x.user_id === wo.member)!;
    const contact = DEMO_CONTACTS.find((c) => c._id === m.contact_id)!;
    const at = new Date(parseInt(wo._id.slice(3, 12), 36)).toISOString();
    const doc: Doc = {
      _id: wo._id,
      title: wo.title,
      description: wo.description,
      priority: wo.priority,
      status: wo.status,
      created_by: m.user_id,
      created_by_name: contact.name,
      enterprise_id: enterpriseIdOf(m.account_id),
      account_id: m.account_id,
      contact_id: m.contact_id,
      created_at: at,
      updated_at: at,
      rev: 1,
    };
    if (wo.device) Object.assign(doc, { device_id: wo.device._id, device_name: wo.device.name });
    await insertMissing(deps, 'work_orders', doc);
  }
  await deps.store.insert('counters', { _id: MARKER, at: now });
  deps.cache.invalidate();
}
