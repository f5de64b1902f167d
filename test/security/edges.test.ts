import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestRuntime, type TestRuntime } from '../support/runtime';
import { demoAdmin, type AdminClient } from '../support/admin';
import { loadConfig } from '../../server/config';

/** The edges of the local runtime: headers on every answer, oversized bodies, file modes, look-alike names. */
describe('the edges of the local runtime', () => {
  let t: TestRuntime;
  let admin: AdminClient;
  beforeAll(async () => {
    t = await startTestRuntime();
    admin = await demoAdmin(t);
  });
  afterAll(() => t.stop());

  const get = (path: string) => fetch(t.url + path, { redirect: 'manual' });
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(t.url + path, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/json', ...headers }, body });

  const routes: Array<[string, () => Promise<Response>]> = [
    ['health', () => get('/api/health')],
    ['a function answering ok', () => post('/api/functions/auth', JSON.stringify({ action: 'portal', data: {} }))],
    ['a function answering an error', () => post('/api/functions/admin', JSON.stringify({ action: 'me', data: {} }))],
    ['a function that does not exist', () => post('/api/functions/nope', '{}')],
    ['a function called with GET', () => get('/api/functions/auth')],
    ['malformed JSON', () => post('/api/functions/auth', '{not json')],
    ['an unknown API path', () => get('/api/nothing-here')],
    ['a dev simulator', () => get('/api/dev/sms')],
    ['a dev session', () => post('/api/dev/wechat/session', '{}')],
    ['the pay notification route with GET', () => get('/api/pay/notify')],
    ['the console redirect', () => get('/console')],
    ['the console page', () => get('/console/')],
    ['a console asset that does not exist', () => get('/console/assets/nothing.js')],
    ['the h5 page', () => get('/')],
    ['an h5 deep path', () => get('/pages/index/index')],
    ['a path climbing out of the root', () => get('/..%2f..%2fetc%2fpasswd')],
  ];

  test.each(routes)('given %s, then the answer carries a CSP without inline script, frame-ancestors none, DENY, nosniff and a referrer policy', async (_label, fetchIt) => {
    const res = await fetchIt();
    await res.arrayBuffer();
    const csp = res.headers.get('content-security-policy') ?? '';
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
    expect(scriptSrc).toMatch(/^script-src 'self'/);
    expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toMatch(/^(no-referrer|same-origin|strict-origin(-when-cross-origin)?)$/);
  });

  test.each([['/', 'dist/h5/index.html'], ['/console/', 'console/dist/index.html']])(
    'given the built page %s, then every inline script it has is allowed by its hash, and no other',
    async (path, file) => {
      if (!existsSync(join(__dirname, '../..', file))) return; // not built here: the header test above still ran
      const res = await get(path);
      const html = await res.text();
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]!).filter((s) => s.length > 0);
      const scriptSrc = (res.headers.get('content-security-policy') ?? '').split(';').find((d) => d.trim().startsWith('script-src'))!;
      const hashes = scriptSrc.match(/'sha256-[^']+'/g) ?? [];
      expect(hashes.sort()).toEqual(inline.map((s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`).sort());
    },
  );

  test.each([
    ['just over the limit', 256 * 1024 + 1],
    ['two megabytes', 2 * 1024 * 1024],
  ])('given a body %s, when posted to a function, then 413 input/too-large in the envelope (not a reset) and nothing written', async (_label, bytes) => {
    const before = t.digest();
    const body = JSON.stringify({ action: 'login', data: { pad: 'x'.repeat(bytes) } });
    const res = await post('/api/functions/auth', body);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'input/too-large' } });
    const dev = await post('/api/dev/wechat/session', body);
    expect(dev.status).toBe(413);
    expect(t.digest()).toBe(before);
    // the connection was not poisoned: the next call is answered normally
    expect((await get('/api/health')).status).toBe(200);
  });

  test('given a running runtime, then its data folder is 0700 and every file in it (sqlite, -wal, -shm, secrets) 0600', async () => {
    expect(statSync(t.dataDir).mode & 0o777).toBe(0o700);
    const files = readdirSync(t.dataDir);
    expect(files).toEqual(expect.arrayContaining(['hulian.sqlite', 'hulian.sqlite-wal', 'hulian.sqlite-shm']));
    for (const f of files) expect([f, statSync(join(t.dataDir, f)).mode & 0o777]).toEqual([f, 0o600]);
  });

  test('given no secrets in the environment, when the config is loaded into a loose folder, then the folder becomes 0700 and the generated secrets are 0600', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hulian-modes-'));
    try {
      const dataDir = join(dir, 'data');
      loadConfig({ DATA_DIR: dataDir });
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      for (const f of ['secret', 'admin-password']) expect([f, statSync(join(dataDir, f)).mode & 0o777]).toEqual([f, 0o600]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // bidirectional overrides, isolates and marks, C0 and C1 controls, DEL, line separators
  const hostile = ['\u202E', '\u202A', '\u202B', '\u202C', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C', '\u0000', '\u0007', '\u001B', '\n', '\u007F', '\u0085', '\u009B', '\u2028'];
  const show = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

  test.each(hostile.map((c) => [show(c), c]))('given a name with %s, when an Account, a Contact, a role or an admin is created with it, then input/invalid and nothing written', async (_label, c) => {
    const name = `星辰${c}科技有限公司`;
    const before = t.digest();
    const calls: Array<[string, unknown]> = [
      ['accounts.create', { name }],
      ['contacts.create', { accountId: 'acc_demo_xingchen', name }],
      ['roles.create', { name, permissions: [] }],
      ['admins.create', { username: 'bidi-admin', displayName: name, password: 'a-long-enough-password', permissions: [] }],
      ['licences.grant', { seats: 1, reason: name }],
    ];
    for (const [action, data] of calls) {
      const r = await admin.call(action, data);
      expect([action, r.status, r.body.error?.code, r.body.error?.params?.reason]).toEqual([action, 400, 'input/invalid', 'control-character']);
    }
    const person = await t.wechat();
    const r = await t.call('registration', { action: 'checkAccountName', data: { name } }, { token: person.token });
    expect([r.status, r.body.error?.code]).toEqual([400, 'input/invalid']);
    if (c !== '\n') {
      // form values (any field type) keep line breaks, and refuse everything else here
      const submit = await t.call(
        'registration',
        { action: 'submit', data: { account: { name }, contact: { name: '张三', mobile1: '13800000000' }, consent: { agreed: true, termsVersion: 'v1' } } },
        { token: person.token },
      );
      expect([submit.status, submit.body.error?.code, submit.body.error?.params?.reason]).toEqual([400, 'input/invalid', 'control-character']);
    }
    expect(t.digest()).toBe(before);
  });

  test('given free text with line breaks, then it is kept; with a bidi override, it is refused', async () => {
    const member = await t.wechat({ openid: 'oDemoZhangWei001' });
    await t.call('auth', { action: 'login', data: {} }, { token: member.token });
    const ok = await t.call('records', { action: 'create', data: { object: 'workOrder', data: { title: '设备报修', description: '第一行\n第二行\t缩进' } } }, { token: member.token });
    expect(ok.body.ok).toBe(true);
    const before = t.digest();
    const bad = await t.call('records', { action: 'create', data: { object: 'workOrder', data: { title: '设备报修', description: '看这里\u202Eexe.txt' } } }, { token: member.token });
    expect([bad.status, bad.body.error?.code]).toEqual([400, 'input/invalid']);
    expect(t.digest()).toBe(before);
  });
});
