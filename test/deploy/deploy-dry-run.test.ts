/**
 * `npm run deploy -- --dry-run` as a user runs it (tsx scripts/deploy.ts, a child process): the plan
 * names every collection and index of core/schema/collections.ts (unique ones as unique, under the names
 * the SQLite adapter uses), every discovered function with its variables' names and its HTTP path —
 * and never a value of a variable.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { COLLECTIONS } from '../../cloudfunctions/core/schema/collections';
import { indexName } from '../../cloudfunctions/adapters/shared/store-guard';
import { discoverFunctions } from '../../scripts/build/functions';
import { makePlan, type DeployPlan } from '../../scripts/deploy/plan';

jest.setTimeout(90_000);

const ROOT = resolve(__dirname, '../..');

/** Distinctive values: none of them may appear in anything the dry run prints. */
const SECRETS = {
  TENCENTCLOUD_SECRETID: 'AKIDsentinelDeployer000001',
  TENCENTCLOUD_SECRETKEY: 'sentinel-deployer-secret-key-0002',
  HULIAN_SECRET: 'sentinel-hulian-secret-0003-'.padEnd(40, 'q'),
  HULIAN_ADMIN_PASSWORD: 'sentinel-admin-password-0010',
  HULIAN_REGISTRY_KEY: 'sentinel-registry-key-0011',
  TENCENT_SMS_SDK_APP_ID: '1400987654',
  TENCENT_SMS_SIGN_NAME: 'sentinel-sign-0004',
  TENCENT_SMS_TEMPLATE_LOGIN: '900005',
  TENCENT_SMS_TEMPLATE_BIND: '900006',
  TENCENT_SMS_TEMPLATE_REGISTER: '900007',
  TENCENT_SMS_SECRET_ID: 'AKIDsentinelSms0008',
  TENCENT_SMS_SECRET_KEY: 'sentinel-sms-key-0009',
};

const DOMAIN = { HULIAN_HTTP_DOMAIN: 'api.hulian.example.com', HULIAN_HTTP_CERT_ID: 'cert-0001', HULIAN_REGISTRY_URL: 'https://registry.example.com/v1' };

function dryRun(args: string[], env: Record<string, string>) {
  const r = spawnSync(resolve(ROOT, 'node_modules/.bin/tsx'), ['scripts/deploy.ts', '--dry-run', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    // nothing from the test process: only what a deployer would have set
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, all: r.stdout + r.stderr };
}

const expectNoValues = (text: string) => {
  for (const [name, value] of Object.entries(SECRETS)) {
    if (text.includes(value)) throw new Error(`the dry run printed the value of ${name}`);
  }
};

describe('npm run deploy -- --dry-run', () => {
  let plan: DeployPlan;
  let json: ReturnType<typeof dryRun>;

  beforeAll(() => {
    json = dryRun(['--json'], { TCB_ENV_ID: 'hulian-prod-1a2b3c', ...DOMAIN, ...SECRETS });
    plan = JSON.parse(json.stdout) as DeployPlan;
  });

  it('given a complete environment, then it exits 0 with no problems and says nothing was changed', () => {
    expect(json.status).toBe(0);
    expect(plan.envId).toBe('hulian-prod-1a2b3c');
    expect(plan.problems).toEqual([]);
    expect(json.stderr).toContain('dry run: nothing was changed');
  });

  it('then the database step creates every declared collection, closed to clients, with every index under the shared names', () => {
    // and the secrets collection, which only the CloudBase deployment has
    expect(plan.database.map((c) => c.name)).toEqual([...COLLECTIONS.map((c) => c.name), 'secrets']);
    expect(plan.database.every((c) => c.permission === 'ADMINONLY')).toBe(true);
    for (const decl of COLLECTIONS) {
      const planned = plan.database.find((c) => c.name === decl.name)!;
      expect(planned.indexes).toEqual(decl.indexes.map((i) => ({ name: indexName(decl.name, i), fields: [...i.fields], unique: (i as { unique?: boolean }).unique === true })));
    }
    expect(plan.database.find((c) => c.name === 'admins')!.indexes).toContainEqual({ name: 'ux_admins__username', fields: ['username'], unique: true });
  });

  it('then the essentials step seeds the console admin named by HULIAN_ADMIN_USER (default admin)', () => {
    expect(plan.essentials).toEqual({ adminUser: 'admin' });
  });

  it('then every discovered function is deployed from dist/functions with its variables (names only) and no cloud npm install', () => {
    expect(plan.functions.map((f) => f.name).sort()).toEqual(discoverFunctions(ROOT));
    for (const f of plan.functions) {
      expect(f).toMatchObject({ dir: `dist/functions/${f.name}`, runtime: 'Nodejs20.19', handler: 'index.main', installDependency: false });
      expect(f.bytes).toBeGreaterThan(0);
      expect(f.env.find((v) => v.name === 'HULIAN_SECRET')).toEqual({ name: 'HULIAN_SECRET', required: true, secret: true, state: 'set', bytes: SECRETS.HULIAN_SECRET.length });
      for (const v of f.env) expect(Object.keys(v).sort()).toEqual(expect.arrayContaining(['name', 'required', 'secret', 'state', 'bytes']));
      // API.md: envBytes counts every variable set, names and values, as SCF does
      expect(f.envBytes).toBe(f.env.filter((v) => v.state === 'set' || v.state === 'derived').reduce((n, v) => n + v.name.length + v.bytes, 0));
      expect(f.envBytes).toBeLessThan(4096);
      expect(Array.isArray(f.openapi)).toBe(true);
    }
    const auth = plan.functions.find((f) => f.name === 'auth')!;
    expect(auth.env.map((v) => v.name)).toEqual(expect.arrayContaining(['TENCENT_SMS_SDK_APP_ID', 'TENCENT_SMS_SIGN_NAME', 'TENCENT_SMS_TEMPLATE_LOGIN', 'TENCENT_SMS_SECRET_KEY']));
    const admin = plan.functions.find((f) => f.name === 'admin')!;
    expect(admin.env.find((v) => v.name === 'HULIAN_CONSOLE_ORIGINS')).toMatchObject({ state: 'derived' });
    expect(admin.env.map((v) => v.name)).toEqual(expect.arrayContaining(['WXPAY_MCHID', 'WXPAY_APIV3_KEY']));
    expect(plan.functions.find((f) => f.name === 'records')!.env.map((v) => v.name)).toEqual(['HULIAN_SECRET']);
    expect(plan.functions.find((f) => f.name === 'registration')!.env.find((v) => v.name === 'HULIAN_REGISTRY_URL')).toMatchObject({ state: 'set', bytes: DOMAIN.HULIAN_REGISTRY_URL.length });
    expect(plan.functions.find((f) => f.name === 'auth')!.openapi).toContain('phonenumber.getPhoneNumber');
    for (const name of ['admin', 'records']) expect(plan.functions.find((f) => f.name === name)!.openapi).toContain('subscribeMessage.send');
  });

  it('then admin and payNotify get HTTP access routes created by the HTTP access service API on the custom domain, and the console is built against the admin path', () => {
    expect(plan.access).toContainEqual({ path: '/admin', function: 'admin', api: 'env.createHttpServiceRoute', safeDomain: true });
    expect(plan.access).toContainEqual({ path: '/pay/notify', function: 'payNotify', api: 'env.createHttpServiceRoute', safeDomain: false });
    expect(plan.access.every((a) => plan.functions.some((f) => f.name === a.function))).toBe(true);
    for (const f of plan.functions.filter((x) => x.httpPath)) expect(plan.access.map((a) => `${a.path} ${a.function}`)).toContain(`${f.httpPath} ${f.name}`);
    expect(plan.http).toEqual({ domain: 'api.hulian.example.com', certId: 'cert-0001' });
    expect(plan.console).toEqual({ localPath: 'console/dist', cloudPath: 'console', adminEndpoint: 'https://api.hulian.example.com/admin' });
    expect(plan.consoleOrigins).toEqual(['https://<static hosting domain>']);
    expect(plan.database.find((c) => c.name === 'secrets')).toEqual({ name: 'secrets', permission: 'ADMINONLY', indexes: [] });
  });

  it('then no value of any variable is printed, in JSON or in text', () => {
    expectNoValues(json.all);
    const text = dryRun([], { TCB_ENV_ID: 'hulian-prod-1a2b3c', ...DOMAIN, ...SECRETS });
    expect(text.status).toBe(0);
    expectNoValues(text.all);
    expect(text.stdout).toContain('create unique index ux_admins__username on (username asc) if missing');
    expect(text.stdout).toContain('deploy function auth: dist/functions/auth');
    expect(text.stdout).toContain('create route /admin -> function admin with env.createHttpServiceRoute');
    expect(text.stdout).toContain('HULIAN_SECRET (set, secret, required, 40 B)');
    expect(text.stdout).toContain('2. Essentials: settings, built-in roles, seat counter and console admin "admin"');
    expect(text.stdout).toContain('upload console/dist/ -> static hosting /console/');
  });

  it('given nothing configured, then the dry run still prints the plan and lists what a real deploy would stop on', () => {
    const bare = dryRun(['--json'], {});
    expect(bare.status).toBe(0);
    const p = JSON.parse(bare.stdout) as DeployPlan;
    expect(p.envId).toBeNull();
    expect(p.problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('TCB_ENV_ID is not set'),
        expect.stringContaining('TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY'),
        expect.stringMatching(/required variables not set: .*HULIAN_SECRET/),
        expect.stringContaining('HULIAN_ADMIN_PASSWORD is not set'),
        expect.stringContaining('HULIAN_HTTP_DOMAIN is not set'),
      ]),
    );
    expect(bare.stderr).toContain('a real deploy would stop');
  });
});

describe('the plan (makePlan) and the 4 KB cap', () => {
  const sms = { TENCENT_SMS_SDK_APP_ID: '1400000001', TENCENT_SMS_SIGN_NAME: 'sign', TENCENT_SMS_TEMPLATE_LOGIN: '1', TENCENT_SMS_TEMPLATE_BIND: '2', TENCENT_SMS_TEMPLATE_REGISTER: '3' };
  const base = { TCB_ENV_ID: 'e', TENCENTCLOUD_SECRETID: 'a', TENCENTCLOUD_SECRETKEY: 'b', HULIAN_SECRET: 's'.repeat(40), HULIAN_ADMIN_PASSWORD: 'p'.repeat(16), HULIAN_HTTP_DOMAIN: 'api.example.com', ...sms };
  const bundles = ['admin', 'auth', 'payNotify', 'records', 'registration'].map((name) => ({ name, dir: name, files: [], bytes: 1, lazy: [], openapi: [], packages: [], dependencies: {}, warnings: [] }));

  it('given a variable that pushes a function over 4 KB, then the plan names the function and the bytes as a problem', () => {
    const plan = makePlan({ env: { ...base, HULIAN_REGISTRY_URL: 'https://r.example.com', HULIAN_REGISTRY_KEY: 'k'.repeat(4100) }, bundles });
    expect(plan.problems).toContainEqual(expect.stringMatching(/^function registration: its environment variables take \d+ bytes, over SCF's 4096-byte cap/));
    expect(plan.problems.filter((p) => p.includes('4096'))).toHaveLength(1);
  });

  it('given WeChat Pay PEMs, then they are planned as secrets (sizes only) and not as variables of any function', () => {
    const pem = (kind: string) => `-----BEGIN ${kind}-----\\n${'A'.repeat(1600)}\\n-----END ${kind}-----`;
    const plan = makePlan({
      env: { ...base, WXPAY_MCHID: '1900000001', WXPAY_APPID: 'wx1', WXPAY_PRIVATE_KEY: pem('PRIVATE KEY'), WXPAY_CERT: pem('CERTIFICATE'), WXPAY_APIV3_KEY: 'k'.repeat(32), WXPAY_PLATFORM_CERT: pem('CERTIFICATE'), WXPAY_PUBLIC_KEY: pem('PUBLIC KEY'), WXPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_1' },
      bundles,
    });
    expect(plan.problems).toEqual([]);
    expect(plan.secrets.map((s) => s.name).sort()).toEqual(['WXPAY_CERT', 'WXPAY_PLATFORM_CERT', 'WXPAY_PRIVATE_KEY', 'WXPAY_PUBLIC_KEY']);
    for (const s of plan.secrets) expect(s).toMatchObject({ bytes: Buffer.byteLength(pem(s.name === 'WXPAY_PRIVATE_KEY' ? 'PRIVATE KEY' : s.name === 'WXPAY_PUBLIC_KEY' ? 'PUBLIC KEY' : 'CERTIFICATE')), functions: ['admin', 'payNotify'] });
    for (const f of plan.functions) {
      expect(f.env.map((v) => v.name)).not.toContain('WXPAY_PRIVATE_KEY');
      expect(f.envBytes).toBeLessThan(4096);
    }
    expect(plan.functions.find((f) => f.name === 'payNotify')!.env.find((v) => v.name === 'WXPAY_NOTIFY_URL')).toMatchObject({ state: 'derived', derivedFrom: 'https://api.example.com/pay/notify' });
  });
});
