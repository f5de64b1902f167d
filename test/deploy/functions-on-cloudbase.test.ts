/**
 * The bundled functions run as CloudBase runs them: dist/functions/<name>/index.js loaded in its own Node
 * process (no TypeScript, no jest), with the variables CloudBase sets on an instance (TENCENTCLOUD_RUNENV=SCF,
 * SCF_NAMESPACE, the role's TENCENTCLOUD_SECRETID/KEY/SESSIONTOKEN, TCB_CONTEXT_CNFG — the server-injected
 * API address, here the stand-in's) plus exactly the variables the deploy plan gives that function, and
 * invoked as `main(event, context)` with the caller in the context's `environ`. Their store is the real
 * @cloudbase/node-sdk talking to the tcb wire stand-in, seeded with the local runtime's seed code.
 */
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildFunctions, type BundleResult } from '../../scripts/build/functions';
import { makePlan } from '../../scripts/deploy/plan';
import type { CloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/store';
import { startTcbStandin, type TcbStandin } from '../support/tcb-standin';
import { NO_PERMISSION, wxPhoneService, type WxPhoneService } from '../support/tcb-standin/wx-phone';
import { startScfInstance, type ScfInstance } from '../support/scf';
import { seedCloudbase } from '../support/seed-cloudbase';
import { startSmsStandin, type SmsStandin } from '../support/sms-standin';
import { makeTestTls, type TestTls } from '../support/test-tls';

jest.setTimeout(60_000);

const ROOT = resolve(__dirname, '../..');
const ENV_ID = 'test-env';
const APPID = 'wxcloud000000001';
/** the demo's `form` registration method applies to this mini program (server/seed.ts) */
const FORM_APP = 'wxdemo0000000002';
const SECRET = 'cloudbase-function-test-secret-'.padEnd(40, 'z');
const ADMIN_PASSWORD = 'cloudbase-admin-pw-1';
const CONSOLE_ORIGIN = 'https://test-env-1a2b3c.tcloudbaseapp.com';

/** Values for the variables the deploy plan gives each function (names come from the plan). */
const VALUES: Record<string, string> = {
  HULIAN_SECRET: SECRET,
  HULIAN_CONSOLE_ORIGINS: CONSOLE_ORIGIN,
  TENCENT_SMS_SDK_APP_ID: '1400000001',
  TENCENT_SMS_SIGN_NAME: '互联科技',
  TENCENT_SMS_TEMPLATE_LOGIN: '100001',
  TENCENT_SMS_TEMPLATE_BIND: '100002',
  TENCENT_SMS_TEMPLATE_REGISTER: '100003',
};

let outDir: string;
let standin: TcbStandin;
let sms: SmsStandin;
let phone: WxPhoneService;
let tls: TestTls;
let db: CloudbaseStore;
let bundles: BundleResult[];
const instances = new Map<string, ScfInstance>();
/** each instance's environment, to start another one like it */
const instanceEnv = new Map<string, Record<string, string>>();

/** What CloudBase sets in a mini program invocation's environ. */
const wechatCaller = (openid: string, appid = APPID) => ({
  WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_API_TOKEN',
  WX_OPENID: openid,
  WX_APPID: appid,
  WX_UNIONID: `union-${openid}`,
  WX_CLIENTIP: '203.0.113.7',
  // replaced by the SCF stand-in with the function's own token, as CloudBase does
  WX_API_TOKEN: 'cloud-call-token',
});

/** the open APIs a function's config.json declares, by its cloud-call token `token-<name>` */
const declared = (token: string) => {
  const file = join(outDir, token.replace(/^token-/, ''), 'config.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { permissions: { openapi: string[] } }).permissions.openapi : [];
};

/** CloudBase's HTTP access integration event. */
const httpEvent = (body: unknown, headers: Record<string, string> = {}, method = 'POST') => ({
  path: '/admin',
  httpMethod: method,
  headers: { 'content-type': 'application/json', host: 'test-env-1a2b3c.ap-shanghai.app.tcloudbase.com', ...headers },
  queryStringParameters: {},
  requestContext: { envId: ENV_ID, requestId: 'http-req' },
  body: method === 'POST' ? JSON.stringify(body) : '',
  isBase64Encoded: false,
});

let token: string | undefined;
/** the demo admin's token, from the bundled admin function over HTTP */
async function adminToken(): Promise<string> {
  if (!token) {
    const r = await fn('admin').invoke(httpEvent({ action: 'login', data: { username: 'admin', password: ADMIN_PASSWORD } }));
    token = JSON.parse(r.result.body).data.token as string;
  }
  return token!;
}

/** The consent the current terms ask for, read through the admin function. */
async function consent() {
  const r = await fn('admin').invoke(httpEvent({ action: 'settings.get', data: {} }, { authorization: `Bearer ${await adminToken()}` }));
  return { agreed: true, termsVersion: JSON.parse(r.result.body).data.terms.version as string };
}

const fn = (name: string) => {
  const i = instances.get(name);
  if (!i) throw new Error(`function ${name} is not running`);
  return i;
};

beforeAll(async () => {
  process.env.TENCENTCLOUD = 'true';
  outDir = mkdtempSync(join(tmpdir(), 'hulian-fn-'));
  bundles = await buildFunctions({ root: ROOT, outDir });
  phone = wxPhoneService({ permissions: declared });
  standin = await startTcbStandin({ env: ENV_ID, actions: phone.actions });
  ({ store: db } = await seedCloudbase(standin.url, { secret: SECRET, adminPassword: ADMIN_PASSWORD, appid: APPID }));
  // Tencent Cloud SMS over real HTTPS to sms.tencentcloudapi.com, reached through an HTTP proxy (the
  // SDK honours http_proxy) and trusted through NODE_EXTRA_CA_CERTS: the bundle's SMS settings stay as in
  // production, and the function signs with the role credentials CloudBase injected.
  tls = makeTestTls(['sms.tencentcloudapi.com']);
  sms = await startSmsStandin({
    tls,
    credentials: [{ secretId: 'AKIDtest', secretKey: 'test', token: 'role-session-token' }],
    sdkAppId: VALUES.TENCENT_SMS_SDK_APP_ID,
    signNames: [VALUES.TENCENT_SMS_SIGN_NAME],
    templates: { '100001': 2, '100002': 2, '100003': 2 },
  });

  const plan = makePlan({ env: { TCB_ENV_ID: ENV_ID, TENCENTCLOUD_SECRETID: 'x', TENCENTCLOUD_SECRETKEY: 'y', HULIAN_HTTP_DOMAIN: 'api.test.example.com', ...VALUES }, bundles, console: false });
  const cloudbaseEnv = {
    TENCENTCLOUD_RUNENV: 'SCF',
    SCF_NAMESPACE: ENV_ID,
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TENCENTCLOUD_SECRETID: 'AKIDtest',
    TENCENTCLOUD_SECRETKEY: 'test',
    TENCENTCLOUD_SESSIONTOKEN: 'role-session-token',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${standin.url}/admin` }),
  };
  for (const name of ['auth', 'records', 'admin', 'registration']) {
    const planned = plan.functions.find((f) => f.name === name);
    if (!planned) continue; // registration: only once that function exists
    // set ones from the deployer's values, derived ones as the deploy fills them (the console's hosting origin)
    const env = Object.fromEntries(planned.env.filter((v) => v.state === 'set' || v.state === 'derived').map((v) => [v.name, VALUES[v.name]]));
    const network = { http_proxy: sms.proxyUrl!, no_proxy: '127.0.0.1,localhost', NODE_EXTRA_CA_CERTS: tls.caFile };
    instanceEnv.set(name, { ...cloudbaseEnv, ...network, ...env });
    instances.set(name, await startScfInstance({ dir: join(outDir, name), name, namespace: ENV_ID, apiToken: `token-${name}`, env: instanceEnv.get(name)! }));
  }
});

afterAll(async () => {
  await Promise.all([...instances.values()].map((i) => i.stop()));
  await standin?.close();
  await sms?.close();
  tls?.dispose();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('bundled functions on CloudBase (SDK → wire stand-in)', () => {
  it('given every discovered function, then its bundle loads in a bare node and exports main', () => {
    expect(bundles.map((b) => b.name)).toEqual(expect.arrayContaining(['admin', 'auth', 'records']));
    expect([...instances.keys()]).toEqual(expect.arrayContaining(['auth', 'records', 'admin']));
  });

  it('given a mini program caller, when auth.login runs, then openid-auto creates the user and binding in the CloudBase database', async () => {
    const r = await fn('auth').invoke({ action: 'login', data: {} }, wechatCaller('oCloudUser0001'));
    expect(r.error).toBeUndefined();
    expect(r.result).toMatchObject({ ok: true, data: { state: 'member', next: 'none' } });
    const binding = await db.get<{ _id: string; user_id: string }>('ic_bindings', `wx:${APPID}:oCloudUser0001`);
    expect(binding?.user_id).toEqual(r.result.data.user.id);
  });

  it('given a warm instance, when the next invocation has no WeChat user and the body claims one, then it is auth/unauthenticated and nothing is written', async () => {
    await fn('auth').invoke({ action: 'login', data: {} }, wechatCaller('oCloudUser0002'));
    const forged = await fn('auth').invoke({ action: 'login', data: {}, userInfo: { openId: 'oForged', appId: APPID }, openid: 'oForged' }, { TCB_SOURCE: 'http' });
    expect(forged.result).toMatchObject({ ok: false, error: { code: 'auth/unauthenticated' } });
    expect(await db.get('ic_bindings', `wx:${APPID}:oForged`)).toBeNull();
  });

  it('given a registration code request, when auth.sendSmsCode runs, then Tencent Cloud SMS receives it over HTTPS with the register template', async () => {
    const r = await fn('auth').invoke({ action: 'sendSmsCode', data: { phone: '13900000001', purpose: 'register' } }, wechatCaller('oCloudUser0005'));
    expect(r.result).toMatchObject({ ok: true, data: { retryAfterSeconds: 60 } });
    expect(sms.sent).toEqual([{ phone: '+8613900000001', templateId: VALUES.TENCENT_SMS_TEMPLATE_REGISTER, params: [expect.stringMatching(/^\d{6}$/), '5'], signName: '互联科技', sdkAppId: '1400000001' }]);
  });

  it('given a member, when records.list asks for articles, then the public demo articles come back from the CloudBase database', async () => {
    await fn('auth').invoke({ action: 'login', data: {} }, wechatCaller('oCloudUser0003'));
    const r = await fn('records').invoke({ action: 'list', data: { object: 'article', limit: 10 } }, wechatCaller('oCloudUser0003'));
    expect(r.result).toMatchObject({ ok: true });
    expect(r.result.data.items.length).toBeGreaterThan(0);
    expect(r.result.data.items.every((a: { id?: unknown }) => typeof a.id === 'string')).toBe(true);
  });

  it('given the console over the HTTP access path, when the admin signs in and lists users, then both answer 200 with the envelope and CORS for the console origin', async () => {
    const login = await fn('admin').invoke(httpEvent({ action: 'login', data: { username: 'admin', password: ADMIN_PASSWORD } }, { origin: CONSOLE_ORIGIN }));
    expect(login.result).toMatchObject({ statusCode: 200, headers: { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': CONSOLE_ORIGIN } });
    const token = JSON.parse(login.result.body).data.token as string;
    expect(token).toEqual(expect.any(String));

    const member = await fn('auth').invoke({ action: 'login', data: {} }, wechatCaller('oCloudUser0004'));
    const list = await fn('admin').invoke(httpEvent({ action: 'users.list', data: {} }, { authorization: `Bearer ${token}`, origin: CONSOLE_ORIGIN }));
    expect(list.result.statusCode).toBe(200);
    const page = JSON.parse(list.result.body);
    expect(page.ok).toBe(true);
    expect(page.data.items.map((u: { id: string }) => u.id)).toContain(member.result.data.user.id);
  });

  it('given a wrong password or no token, then the HTTP status mirrors the error and the body is the envelope', async () => {
    const bad = await fn('admin').invoke(httpEvent({ action: 'login', data: { username: 'admin', password: 'wrong-password' } }));
    expect(JSON.parse(bad.result.body)).toMatchObject({ ok: false, error: { code: 'admin/invalid-credentials' } });
    expect(bad.result.statusCode).toBeGreaterThanOrEqual(400);
    const anonymous = await fn('admin').invoke(httpEvent({ action: 'users.list', data: {} }));
    expect(anonymous.result.statusCode).toBe(401);
    expect(JSON.parse(anonymous.result.body)).toMatchObject({ ok: false, error: { code: 'auth/unauthenticated' } });
  });

  it("given the console's preflight, then only the configured origin is allowed", async () => {
    const ok = await fn('admin').invoke(httpEvent(null, { origin: CONSOLE_ORIGIN, 'access-control-request-method': 'POST' }, 'OPTIONS'));
    expect(ok.result).toMatchObject({ statusCode: 204, headers: { 'access-control-allow-origin': CONSOLE_ORIGIN, 'access-control-allow-methods': 'POST, OPTIONS' } });
    const other = await fn('admin').invoke(httpEvent(null, { origin: 'https://evil.example' }, 'OPTIONS'));
    expect(other.result.statusCode).toBe(204);
    expect(other.result.headers['access-control-allow-origin']).toBeUndefined();
  });

  describe('registration (the bundled registration function)', () => {
    it('given a WeChat phone code, when auth.bindPhone and registration.submit run, then callWxOpenApi verifies the number and the person is a member of a new Account', async () => {
      const caller = wechatCaller('oCloudReg0001', FORM_APP);
      const terms = await consent();
      const code = phone.issue('13700000001', { appid: FORM_APP, openid: 'oCloudReg0001' });
      const bound = await fn('auth').invoke({ action: 'bindPhone', data: { phoneCode: code, consent: terms } }, caller);
      expect(bound.result).toMatchObject({ ok: true, data: { mobile: '13700000001' } });
      expect(phone.calls.at(-1)).toMatchObject({ apiName: 'phonenumber.getPhoneNumber', requestData: { code, openid: 'oCloudReg0001' }, wxCloudApiToken: 'token-auth' });

      const r = await fn('registration').invoke({ action: 'submit', data: { account: { name: '温州云端鞋业有限公司' }, contact: { name: '郑云', mobile1: '13700000001' }, consent: terms } }, caller);
      expect(r.error).toBeUndefined();
      expect(r.result).toMatchObject({ ok: true, data: { state: 'member', account: { matched: 'new' }, pendingApproval: false } });
      const account = await db.get<{ _id: string; name: string }>('accounts', r.result.data.account.id);
      expect(account?.name).toBe('温州云端鞋业有限公司');
      expect(await db.get('ic_bindings', `wx:${FORM_APP}:oCloudReg0001`)).not.toBeNull();
    });

    it('given an SMS code sent by Tencent Cloud SMS, when registration.submit carries it, then the registration lands', async () => {
      const caller = wechatCaller('oCloudReg0002', FORM_APP);
      const terms = await consent();
      sms.reset();
      const sent = await fn('auth').invoke({ action: 'sendSmsCode', data: { phone: '13700000002', purpose: 'register' } }, caller);
      expect(sent.result).toMatchObject({ ok: true });
      const smsCode = sms.sent[0].params[0];
      const r = await fn('registration').invoke(
        { action: 'submit', data: { account: { name: '宁波云帆机械有限公司' }, contact: { name: '钱帆', mobile1: '13700000002' }, smsCode, consent: terms } },
        caller,
      );
      expect(r.result).toMatchObject({ ok: true, data: { state: 'member', account: { matched: 'new' } } });
    });

    it('given a phone code issued to someone else, then bindPhone is input/invalid and nothing is bound', async () => {
      const caller = wechatCaller('oCloudReg0003', FORM_APP);
      const code = phone.issue('13700000003', { appid: FORM_APP, openid: 'oSomebodyElse' });
      const r = await fn('auth').invoke({ action: 'bindPhone', data: { phoneCode: code, consent: await consent() } }, caller);
      expect(r.result).toMatchObject({ ok: false, error: { code: 'input/invalid' } });
    });
  });

  it('given every invocation above, then none reached a part of the SDK the build stubbed out', async () => {
    for (const [name, i] of instances) {
      const r = await i.invoke({ action: 'no-such-action', data: {} }, wechatCaller('oCloudStub0001'));
      expect({ name, hits: r.stubHits }).toEqual({ name, hits: [] });
      expect(i.logs()).not.toContain('is not in this function bundle');
    }
  });

  it('given the phone code exchange run under a function whose config.json does not declare it, then WeChat answers -604101 and nothing is bound', async () => {
    expect(declared('token-records')).not.toContain('phonenumber.getPhoneNumber');
    // auth's code, invoked with the cloud-call token of a function without the permission
    const undeclared = await startScfInstance({ dir: join(outDir, 'auth'), name: 'auth', namespace: ENV_ID, apiToken: 'token-records', env: instanceEnv.get('auth')! });
    try {
      const caller = wechatCaller('oCloudPerm0001', FORM_APP);
      const code = phone.issue('13700000009', { appid: FORM_APP, openid: 'oCloudPerm0001' });
      const r = await undeclared.invoke({ action: 'bindPhone', data: { phoneCode: code, consent: await consent() } }, caller);
      expect(r.result).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(phone.calls.at(-1)).toMatchObject({ apiName: 'phonenumber.getPhoneNumber', wxCloudApiToken: 'token-records' });
      expect(undeclared.logs()).toContain(`errcode ${NO_PERMISSION}`);
    } finally {
      await undeclared.stop();
    }
  });
});
