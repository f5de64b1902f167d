import { ACCESS, CALLER_KINDS, type AccessRow, type CallerKind } from '../../cloudfunctions/core/access/table';
import { ADMIN_PERMISSIONS } from '../../cloudfunctions/core/contracts/admin';
import { FUNCTIONS } from '../../cloudfunctions/functions/registry';
import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { addAccount, addMember, addRecord, RECORD_BODY, SAMPLE_UPDATE } from '../support/fixtures';
import { limitedAdmin } from '../support/admin';

/**
 * Issue 12 item 1 — the access table (core/access/table.ts) against an oracle written here, in the
 * words of DESIGN §3 and independently of the table. Every action of every function is called over HTTP
 * by every kind of caller (and every admin permission set that matters); refusals change nothing.
 */

// ── the oracle ────────────────────────────────────────────────────────────────────────────────────
/** Mini program actions that need a user of one's own (not the shared Guest, not a visitor). */
const OWN_USER_ONLY = new Set(['auth.unbindWechat']);
/** Actions that prove an identity themselves (an OAuth code, a portal session token): no WeChat caller needed. */
const PROVES_ITSELF = new Set(['auth.loginByOfficialAccount', 'auth.renewSession', 'auth.logout']);
/** Record actions: the role permission that decides them. */
const RECORD_GATE: Record<string, 'read' | 'create' | 'update'> = { 'records.list': 'read', 'records.get': 'read', 'records.create': 'create', 'records.update': 'update' };

/**
 * The admin permission(s) an action needs, by the console's areas: reading an area needs `area.read`,
 * changing it `area.update` (creating `area.create`); seats bought are licences granted; methods are
 * part of the settings; the console's admins are managed by super admins only.
 */
function adminOracle(action: string): 'no-token' | string[] {
  if (action === 'login') return 'no-token';
  if (['me', 'logout', 'renew', 'password.change'].includes(action)) return [];
  if (action === 'dashboard') return ['dashboard.read'];
  const [area, verb] = action.split('.');
  if (area === 'admins') return ['admins.manage'];
  if (area === 'orders') return verb === 'create' ? ['licences.grant'] : ['licences.read'];
  if (area === 'licences') return verb === 'grant' ? ['licences.grant'] : ['licences.read'];
  if (area === 'audit') return ['audit.read'];
  const home = area === 'methods' ? 'settings' : area;
  if (action === 'users.activate') return ['users.create', 'enterprises.create'];
  if (action === 'users.unbindWechat') return ['users.read', 'users.update'];
  if (['list', 'get', 'findDuplicates', 'previewActivation', 'reviewQueue', 'mergePreview'].includes(verb)) return [`${home}.read`];
  if (verb === 'create' && (home === 'accounts' || home === 'contacts')) return [`${home}.create`];
  return [`${home}.update`];
}

const rowsOf = (fn: string) => Object.entries((ACCESS as Record<string, Record<string, AccessRow>>)[fn]);
const ROUTER_REFUSALS = ['access/denied', 'registration/required', 'auth/not-activated', 'auth/unauthenticated'];

describe('the access table', () => {
  test('every action of every function has exactly one row, and every row an action', () => {
    for (const [name, fn] of Object.entries(FUNCTIONS)) {
      expect(Object.keys(fn.actions).sort()).toEqual(Object.keys((ACCESS as Record<string, object>)[name] ?? {}).sort());
    }
  });

  test('the admin rows say what the oracle says', () => {
    const differ = rowsOf('admin')
      .map(([action, row]) => ({ action, row: row.kind === 'admin' ? (row.token ? [...row.permissions].sort() : 'no-token') : 'not-admin', want: adminOracle(action) }))
      .filter(({ row, want }) => JSON.stringify(row) !== JSON.stringify(Array.isArray(want) ? [...want].sort() : want));
    expect(differ).toEqual([]);
  });

  test('every permission the console can grant is one some action needs, and the reverse', () => {
    const needed = new Set(rowsOf('admin').flatMap(([, row]) => (row.kind === 'admin' && row.token ? row.permissions : [])));
    expect([...needed].filter((p) => !(ADMIN_PERMISSIONS as readonly string[]).includes(p))).toEqual([]);
    expect(ADMIN_PERMISSIONS.filter((p) => !needed.has(p))).toEqual([]);
  });
});

describe('the access table over HTTP: every mini program action × every caller kind', () => {
  let t: TestRuntime;
  const tokens = {} as Record<CallerKind, string>;
  const admin = async (action: string, data: unknown) => t.call('admin', { action, data }, { token: await t.adminToken() });

  beforeAll(async () => {
    t = await startTestRuntime();
    const account = await addAccount(t, '访问表测试有限公司');
    // guests off: a caller with nothing of their own is a visitor
    await admin('settings.update', { guest: { enabled: false }, selfRegistration: { enabled: true } });
    tokens.visitor = (await t.wechat({ appid: 'wxdemo0000000002' })).token;
    tokens.auto = (await addMember(t, { roleIds: ['terminal-user'] })).token;
    tokens.pending = (await addMember(t, { accountId: account, status: 'pending', roleIds: ['terminal-user'] })).token;
    tokens.member = (await addMember(t, { accountId: account, roleIds: ['terminal-user'] })).token;
    tokens['account-admin'] = (await addMember(t, { accountId: account, roleIds: ['account-admin'] })).token;
    tokens.guest = (await t.wechat({ appid: 'wxdemo0000000002' })).token;
  }, 60_000);
  afterAll(() => t.stop());

  // unbinding leaves the caller nobody: it goes last, so every other action meets each kind as it is
  const cases = ['auth', 'registration', 'records']
    .flatMap((fn) => rowsOf(fn).flatMap(([action]) => CALLER_KINDS.map((kind) => [`${fn}.${action}`, kind] as const)))
    .sort((a, b) => Number(OWN_USER_ONLY.has(a[0])) - Number(OWN_USER_ONLY.has(b[0])));

  test.each(cases)('%s as %s: refused by the router exactly when the oracle says, and a refusal writes nothing', async (name, kind) => {
    const [fn, action] = name.split('.');
    // the guest kind exists only while guests are on
    await admin('settings.update', { guest: { enabled: kind === 'guest' } });
    // a record action names an object the caller's kind can never change: articles are the business's
    const data = fn === 'records' ? { object: 'article', ...(action === 'get' || action === 'update' ? { id: 'art_0001_welcome' } : {}), ...(action === 'create' || action === 'update' ? { data: SAMPLE_UPDATE['article'] } : {}) } : {};
    const before = t.digest();
    const r = await t.call(fn, { action, data }, PROVES_ITSELF.has(name) ? {} : { token: tokens[kind] });
    const code: string | undefined = r.body.ok ? undefined : r.body.error.code;
    const noUser = kind === 'visitor' || kind === 'guest';
    if (PROVES_ITSELF.has(name)) {
      // without an OAuth code or a portal session there is nothing to prove: refused, nothing written
      expect(r.body.ok).toBe(false);
      expect(t.digest()).toBe(before);
    } else if (OWN_USER_ONLY.has(name) && noUser) {
      expect(code).toBe('registration/required');
      expect(t.digest()).toBe(before);
    } else if (fn === 'records' && kind === 'visitor') {
      expect(code).toBe('registration/required');
      expect(t.digest()).toBe(before);
    } else if (fn === 'records' && RECORD_GATE[name] !== 'read') {
      // nobody in the mini program writes the business's articles with the built-in roles
      expect(code).toBe('access/denied');
      expect(t.digest()).toBe(before);
    } else {
      expect(ROUTER_REFUSALS).not.toContain(code);
    }
  });
});

describe('the access table over HTTP: every admin action × the permissions it needs', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
  }, 60_000);
  afterAll(() => t.stop());

  const cases = rowsOf('admin').map(([action]) => [action] as const);
  let n = 0;

  test.each(cases)('admin.%s: no token is auth/unauthenticated; an admin lacking its permission is access/denied and nothing changes; one holding it gets past the router', async (action) => {
    const want = adminOracle(action);
    if (want === 'no-token') return;
    const before = t.digest();
    const anon = await t.call('admin', { action, data: {} });
    expect(anon.status).toBe(401);
    expect(anon.body.error.code).toBe('auth/unauthenticated');
    expect(t.digest()).toBe(before);
    if (want.length) {
      const everythingElse = ADMIN_PERMISSIONS.filter((p) => !want.includes(p));
      const lacking = await limitedAdmin(t, `lack${n++}`, everythingElse);
      const mark = t.digest();
      const r = await lacking.call(action, {});
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('access/denied');
      expect(t.digest()).toBe(mark);
    }
    const holding = await limitedAdmin(t, `hold${n++}`, want);
    const ok = await holding.call(action, {});
    expect(ROUTER_REFUSALS).not.toContain(ok.body.ok ? undefined : ok.body.error.code);
  });
});

/**
 * Issue 12 item 2 — write never inherits read. The HIGH attack: an account-admin could change another
 * Account's public devices because the public flag that let them read also let them write.
 */
describe('write never inherits read', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await startTestRuntime();
  }, 60_000);
  afterAll(() => t.stop());

  test.each([
    ['device', 'devices'],
    ['article', 'articles'],
  ])('given public %s records of another Account (or of nobody), when an account-admin and a member try to change them, then records/not-found and nothing changes; their own Account’s still works', async (object, coll) => {
    const [mine, theirs] = [await addAccount(t, `我的公司 ${object}`), await addAccount(t, `别人的公司 ${object}`)];
    const accountAdmin = await addMember(t, { accountId: mine, roleIds: ['account-admin'] });
    // a role that reads and updates everything it may: the widest a business could give
    const role = (await t.call('admin', { action: 'roles.create', data: { name: `宽 ${object}`, permissions: [{ object, action: 'read', scope: 'all' }, { object, action: 'update', scope: 'all' }] } }, { token: await t.adminToken() })).body.data;
    const member = await addMember(t, { accountId: mine, roleIds: [role.id] });
    const othersPublic = await addRecord(t, coll, { ...RECORD_BODY[coll], account_id: theirs, public: true });
    const nobodysPublic = await addRecord(t, coll, { ...RECORD_BODY[coll], public: true });
    const ours = await addRecord(t, coll, { ...RECORD_BODY[coll], account_id: mine, public: true });
    for (const who of [accountAdmin, member]) {
      for (const id of [othersPublic, nobodysPublic]) {
        const readable = await t.call('records', { action: 'get', data: { object, id } }, { token: who.token });
        if (readable.body.ok) expect(readable.body.data.canUpdate ?? false).toBe(false);
        const before = t.digest();
        const r = await t.call('records', { action: 'update', data: { object, id, data: SAMPLE_UPDATE[object] } }, { token: who.token });
        expect(r.body.ok).toBe(false);
        expect(['records/not-found', 'access/denied']).toContain(r.body.error.code);
        expect(t.digest()).toBe(before);
      }
    }
    const own = await t.call('records', { action: 'update', data: { object, id: ours, data: SAMPLE_UPDATE[object] } }, { token: member.token });
    expect(own.body.ok).toBe(true);
  });
});
