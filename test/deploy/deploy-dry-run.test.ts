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
import type { DeployPlan } from '../../scripts/deploy/plan';

jest.setTimeout(90_000);

const ROOT = resolve(__dirname, '../..');

/** Distinctive values: none of them may appear in anything the dry run prints. */
const SECRETS = {
  TENCENTCLOUD_SECRETID: 'AKIDsentinelDeployer000001',
  TENCENTCLOUD_SECRETKEY: 'sentinel-deployer-secret-key-0002',
  HULIAN_SECRET: 'sentinel-hulian-secret-0003-'.padEnd(40, 'q'),
  HULIAN_ADMIN_PASSWORD: 'sentinel-admin-password-0010',
  TENCENT_SMS_SDK_APP_ID: '1400987654',
  TENCENT_SMS_SIGN_NAME: 'sentinel-sign-0004',
  TENCENT_SMS_TEMPLATE_LOGIN: '900005',
  TENCENT_SMS_TEMPLATE_BIND: '900006',
  TENCENT_SMS_TEMPLATE_REGISTER: '900007',
  TENCENT_SMS_SECRET_ID: 'AKIDsentinelSms0008',
  TENCENT_SMS_SECRET_KEY: 'sentinel-sms-key-0009',
};

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
    json = dryRun(['--json'], { TCB_ENV_ID: 'hulian-prod-1a2b3c', ...SECRETS });
    plan = JSON.parse(json.stdout) as DeployPlan;
  });

  it('given a complete environment, then it exits 0 with no problems and says nothing was changed', () => {
    expect(json.status).toBe(0);
    expect(plan.envId).toBe('hulian-prod-1a2b3c');
    expect(plan.problems).toEqual([]);
    expect(json.stderr).toContain('dry run: nothing was changed');
  });

  it('then the database step creates every declared collection, closed to clients, with every index under the shared names', () => {
    expect(plan.database.map((c) => c.name)).toEqual(COLLECTIONS.map((c) => c.name));
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
      expect(f.env.find((v) => v.name === 'HULIAN_SECRET')).toEqual({ name: 'HULIAN_SECRET', required: true, secret: true, state: 'set' });
      for (const v of f.env) expect(Object.keys(v).sort()).toEqual(expect.arrayContaining(['name', 'required', 'secret', 'state']));
    }
    const auth = plan.functions.find((f) => f.name === 'auth')!;
    expect(auth.env.map((v) => v.name)).toEqual(expect.arrayContaining(['TENCENT_SMS_SDK_APP_ID', 'TENCENT_SMS_SIGN_NAME', 'TENCENT_SMS_TEMPLATE_LOGIN', 'TENCENT_SMS_SECRET_KEY']));
    const admin = plan.functions.find((f) => f.name === 'admin')!;
    expect(admin.env.find((v) => v.name === 'HULIAN_CONSOLE_ORIGINS')).toMatchObject({ state: 'derived' });
    expect(admin.env.map((v) => v.name)).toEqual(expect.arrayContaining(['WXPAY_MCHID', 'WXPAY_APIV3_KEY']));
    expect(plan.functions.find((f) => f.name === 'records')!.env.map((v) => v.name)).toEqual(['HULIAN_SECRET']);
  });

  it('then admin and payNotify get their HTTP access paths and the console is built against the admin path', () => {
    expect(plan.access).toContainEqual({ path: '/admin', function: 'admin' });
    if (discoverFunctions(ROOT).includes('payNotify')) expect(plan.access).toContainEqual({ path: '/pay/notify', function: 'payNotify' });
    expect(plan.access.every((a) => plan.functions.some((f) => f.name === a.function && f.httpPath === a.path))).toBe(true);
    expect(plan.console).toEqual({ localPath: 'console/dist', cloudPath: 'console', adminEndpoint: 'https://<HTTP access domain>/admin' });
  });

  it('then no value of any variable is printed, in JSON or in text', () => {
    expectNoValues(json.all);
    const text = dryRun([], { TCB_ENV_ID: 'hulian-prod-1a2b3c', ...SECRETS });
    expect(text.status).toBe(0);
    expectNoValues(text.all);
    expect(text.stdout).toContain('create unique index ux_admins__username on (username asc) if missing');
    expect(text.stdout).toContain('deploy function auth: dist/functions/auth');
    expect(text.stdout).toContain('create path /admin -> function admin');
    expect(text.stdout).toContain('HULIAN_SECRET (set, secret, required)');
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
      ]),
    );
    expect(bare.stderr).toContain('a real deploy would stop');
  });
});
