import type { ObjectName, Permission, PermissionAction, Scope } from '../../../cloudfunctions/core/contracts';
import type { TestRuntime } from '../../support/runtime';
import { addAccount, addMember, addRecord, RECORD_BODY, SAMPLE_CREATE, SAMPLE_UPDATE, type Member } from '../../support/fixtures';

export const OBJECTS: ObjectName[] = ['article', 'device', 'workOrder', 'serviceRequest'];
export const ACTIONS: PermissionAction[] = ['read', 'create', 'update'];
export const SCOPES: Scope[] = ['none', 'public', 'own', 'account', 'all'];
export const COLL: Record<ObjectName, string> = { article: 'articles', device: 'devices', workOrder: 'work_orders', serviceRequest: 'service_requests' };
/** objects whose records carry a `public` flag */
export const PUBLIC_FLAG: Record<ObjectName, boolean> = { article: true, device: true, workOrder: false, serviceRequest: false };

/** A caller as the oracle sees them. */
export interface Caller {
  label: string;
  kind: 'member' | 'auto' | 'pending' | 'guest' | 'anonymous';
  token: string;
  userId?: string;
  accountId?: string;
  contactId?: string;
  enterpriseId?: string;
}

export interface Rec {
  id: string;
  label: string;
  created_by?: string;
  account_id?: string;
  public?: boolean;
  /** made by a guest: the Guest record's, under the Guest Account (or a customer's Account the admin chose) */
  guest_account_id?: string;
}

export interface World {
  A1: Member;
  A2: Member;
  B1: Member;
  U: Member;
  accounts: { A: string; B: string; C: string; G: string };
  records: Record<ObjectName, Rec[]>;
}

/** Two Accounts with members, an Account-less user, and per object records owned every which way. */
export async function buildWorld(t: TestRuntime, guestAccountId: string): Promise<World> {
  const [A, B, C] = [await addAccount(t, '甲公司'), await addAccount(t, '乙公司'), await addAccount(t, '丙公司')];
  const A1 = await addMember(t, { accountId: A, roleIds: [] });
  const A2 = await addMember(t, { accountId: A, roleIds: [] });
  const B1 = await addMember(t, { accountId: B, roleIds: [] });
  const U = await addMember(t, { roleIds: [] });
  const records = {} as Record<ObjectName, Rec[]>;
  for (const object of OBJECTS) {
    const coll = COLL[object];
    const specs: Array<Omit<Rec, 'id'>> = [
      { label: 'A1-own', created_by: A1.userId, account_id: A },
      { label: 'A2-own', created_by: A2.userId, account_id: A },
      { label: 'B1-own', created_by: B1.userId, account_id: B },
      { label: 'U-own', created_by: U.userId },
      { label: 'public-A', created_by: 'crm', account_id: A, public: true },
      { label: 'public-C', created_by: 'crm', account_id: C, public: true },
      { label: 'private-C', created_by: 'crm', account_id: C },
      { label: 'guest-made', created_by: 'usr_guest', guest_account_id: guestAccountId },
      // guest data an admin chose to keep under a real customer's Account: still nobody's customer data
      { label: 'guest-made-A', created_by: 'usr_guest', guest_account_id: A },
    ];
    records[object] = [];
    for (const s of specs) {
      const owner = Object.fromEntries(
        Object.entries({ created_by: s.created_by, account_id: s.account_id, guest_account_id: s.guest_account_id, guest_origin: s.guest_account_id ? true : undefined }).filter(([, v]) => v !== undefined),
      );
      const id = await addRecord(t, coll, { ...RECORD_BODY[coll], ...owner, public: s.public === true });
      records[object].push({ id, ...s });
    }
  }
  return { A1, A2, B1, U, accounts: { A, B, C, G: guestAccountId }, records };
}

export const asCaller = (label: string, m: Member): Caller => ({
  label,
  // a member without an Account is an `openid-auto` user
  kind: m.kind === 'member' && !m.accountId ? 'auto' : m.kind,
  token: m.token,
  userId: m.userId,
  accountId: m.accountId,
  contactId: m.contactId,
  enterpriseId: m.enterpriseId,
});

/**
 * The rules of DESIGN §3, written independently of the server's access table:
 * - reading: public ⊂ own ⊂ account ⊂ all. A guest sees public records only. A user without an Account
 *   (`openid-auto`) or still pending sees public and their own, whatever their roles say (members-only
 *   content needs an Account). Nothing a guest made is in any member's view — not even under `all`.
 * - writing: never through the public flag. `own` is what they created; `account` adds their Account's
 *   records (members with an Account only); `all` is no wider than `account`. A guest changes nothing.
 */
export function visible(rec: Rec, c: Caller, scope: Scope, object: ObjectName): boolean {
  if (scope === 'none') return false;
  const pub = PUBLIC_FLAG[object] && rec.public === true;
  if (c.kind === 'guest' || c.kind === 'anonymous') return pub;
  const guestMade = rec.created_by === 'usr_guest';
  const own = !!c.userId && rec.created_by === c.userId;
  const memberOfAccount = c.kind === 'member' && !!c.accountId;
  if (scope === 'all' && memberOfAccount) return !guestMade;
  if (scope === 'public') return pub;
  if (scope === 'own' || !memberOfAccount) return pub || own;
  return pub || own || (!guestMade && rec.account_id === c.accountId);
}

/** May this caller change the record, given their role's update scope? */
export function writable(rec: Rec, c: Caller, scope: Scope): boolean {
  if (scope === 'none' || scope === 'public' || c.kind === 'guest' || c.kind === 'anonymous') return false;
  const own = !!c.userId && rec.created_by === c.userId;
  if (scope === 'own' || c.kind !== 'member' || !c.accountId) return own;
  return own || (rec.created_by !== 'usr_guest' && rec.account_id === c.accountId);
}

/** May this caller create, given their role's create scope? (a `public` create scope grants nothing) */
export const creatable = (c: Caller, scope: Scope): boolean => scope !== 'none' && scope !== 'public' && c.kind !== 'anonymous';

export const scopeIn = (perms: Permission[], object: ObjectName, action: PermissionAction): Scope =>
  perms.find((p) => p.object === object && p.action === action)?.scope ?? 'none';

/** Pending users are held to their own records until approved. */
export const capPending = (s: Scope): Scope => (s === 'account' || s === 'all' ? 'own' : s);

type Failure = string;

/** Runs the checks of one caller for one object and action; returns human-readable mismatches. */
export async function checkPair(t: TestRuntime, w: World, c: Caller, object: ObjectName, action: PermissionAction, scope: Scope, full: boolean): Promise<Failure[]> {
  const fails: Failure[] = [];
  const records = w.records[object];
  const tag = `${c.label} ${object}.${action} (${scope})`;
  const call = (name: string, data: unknown) => t.call('records', { action: name, data }, { token: c.token });
  const expectCode = (r: { body: any }, code: string, what: string) => {
    if (r.body.ok !== false || r.body.error.code !== code) fails.push(`${tag}: ${what} answered ${JSON.stringify(r.body.error?.code ?? 'ok')}, wanted ${code}`);
  };

  if (action === 'read') {
    if (scope === 'none') {
      expectCode(await call('list', { object }), 'access/denied', 'list');
      expectCode(await call('get', { object, id: records[0].id }), 'access/denied', 'get');
      return fails;
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 20; page++) {
      const r = await call('list', { object, limit: 3, ...(cursor ? { cursor } : {}) });
      if (!r.body.ok) return [...fails, `${tag}: list failed ${JSON.stringify(r.body.error)}`];
      seen.push(...r.body.data.items.map((i: { id: string }) => i.id));
      cursor = r.body.data.nextCursor;
      if (!cursor) break;
    }
    if (new Set(seen).size !== seen.length) fails.push(`${tag}: a record came twice while paging`);
    const want = records.filter((r) => visible(r, c, scope, object));
    const label = (ids: string[]) => ids.map((id) => records.find((r) => r.id === id)?.label ?? id).sort();
    if (JSON.stringify(label(seen)) !== JSON.stringify(label(want.map((r) => r.id)))) fails.push(`${tag}: list gave [${label(seen)}], wanted [${label(want.map((r) => r.id))}]`);
    if (!full) return fails;
    const gets = await Promise.all(records.map((r) => call('get', { object, id: r.id })));
    gets.forEach((g, i) => {
      const rec = records[i];
      if (visible(rec, c, scope, object)) {
        if (!g.body.ok || g.body.data.id !== rec.id) fails.push(`${tag}: get ${rec.label} refused (${g.body.error?.code})`);
      } else expectCode(g, 'records/not-found', `get ${rec.label}`);
    });
    expectCode(await call('get', { object, id: 'wo_0zzzzzzzz000guessed0000' }), 'records/not-found', 'get of a guessed id');
    return fails;
  }

  if (action === 'create') {
    const coll = COLL[object];
    const before = await t.rt.deps.store.count(coll);
    const r = await call('create', { object, data: SAMPLE_CREATE[object] });
    if (!creatable(c, scope)) {
      expectCode(r, 'access/denied', 'create');
      if ((await t.rt.deps.store.count(coll)) !== before) fails.push(`${tag}: a refused create wrote a record`);
      return fails;
    }
    if (!r.body.ok) return [...fails, `${tag}: create refused ${JSON.stringify(r.body.error)}`];
    const stored = (await t.rt.deps.store.get(coll, r.body.data.id)) as Record<string, unknown>;
    // a member's records carry their Account and Contact; a guest's are the Guest record's, kept apart from any Account
    const wantAccount = c.kind === 'member' ? c.accountId : undefined;
    const wantContact = c.kind === 'member' ? c.contactId : undefined;
    const got = {
      created_by: stored['created_by'],
      account_id: stored['account_id'],
      contact_id: stored['contact_id'],
      enterprise_id: stored['enterprise_id'],
      guest_origin: stored['guest_origin'],
      guest_account_id: stored['guest_account_id'],
    };
    const want = {
      created_by: c.userId,
      account_id: wantAccount,
      contact_id: wantContact,
      enterprise_id: c.enterpriseId,
      guest_origin: c.kind === 'guest' ? true : undefined,
      guest_account_id: c.kind === 'guest' ? c.accountId : undefined,
    };
    if (JSON.stringify(got) !== JSON.stringify(want)) fails.push(`${tag}: created with ${JSON.stringify(got)}, wanted ${JSON.stringify(want)}`);
    // keep the world as the oracle knows it
    await t.rt.deps.store.remove(coll, r.body.data.id);
    return fails;
  }

  // update: a public update scope grants nothing, so it is refused like none
  if (scope === 'none' || scope === 'public') {
    expectCode(await call('update', { object, id: records[0].id, data: SAMPLE_UPDATE[object] }), 'access/denied', 'update');
    return fails;
  }
  const coll = COLL[object];
  const revs = await Promise.all(records.map(async (r) => (await t.rt.deps.store.get(coll, r.id))?.['rev'] as number));
  const answers = await Promise.all(records.map((r) => call('update', { object, id: r.id, data: SAMPLE_UPDATE[object] })));
  for (const [i, rec] of records.entries()) {
    const after = (await t.rt.deps.store.get(coll, rec.id))?.['rev'] as number;
    if (writable(rec, c, scope)) {
      if (!answers[i].body.ok) fails.push(`${tag}: update ${rec.label} refused (${answers[i].body.error?.code})`);
      else if (after !== revs[i] + 1) fails.push(`${tag}: update ${rec.label} did not write`);
    } else {
      expectCode(answers[i], 'records/not-found', `update ${rec.label}`);
      if (after !== revs[i]) fails.push(`${tag}: refused update of ${rec.label} still wrote`);
    }
  }
  expectCode(await call('update', { object, id: 'wo_0zzzzzzzz000guessed0000', data: SAMPLE_UPDATE[object] }), 'records/not-found', 'update of a guessed id');
  return fails;
}

/** Every object and action for one caller, each against the scope `scopeOf` says they have. */
export async function checkCaller(t: TestRuntime, w: World, c: Caller, scopeOf: (o: ObjectName, a: PermissionAction) => Scope, focus?: [ObjectName, PermissionAction]): Promise<Failure[]> {
  const fails: Failure[] = [];
  for (const object of OBJECTS) {
    for (const action of ACTIONS) {
      // Full checks where the role gives something (or on the pair under test); a cheap refusal elsewhere.
      const scope = scopeOf(object, action);
      const full = scope !== 'none' || (!!focus && focus[0] === object && focus[1] === action);
      fails.push(...(await checkPair(t, w, c, object, action, scope, full)));
    }
  }
  return fails;
}
