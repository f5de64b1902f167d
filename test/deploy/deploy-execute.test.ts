/**
 * The deploy executor against the manager-node stand-in (test/support/manager-standin: same method names
 * and shapes as 5.6.5, refusing what CloudBase refuses): what it creates and in which order, which values
 * it hands over, that it checks everything before its first write, and that a deploy interrupted at any
 * write finishes when run again.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BundleResult } from '../../scripts/build/functions';
import { executePlan } from '../../scripts/deploy/execute';
import { makePlan } from '../../scripts/deploy/plan';
import type { CollectionDecl } from '../../cloudfunctions/core/schema/collections';
import { managerStandin, newWorld, type ManagerWorld } from '../support/manager-standin';

const bundle = (name: string): BundleResult => ({ name, dir: `/x/${name}`, files: [], bytes: 1000, lazy: [], openapi: [], packages: [], dependencies: {}, warnings: [] });

const COLLS: CollectionDecl[] = [
  { name: 'admins', indexes: [{ fields: ['username'], unique: true }] },
  { name: 'ic_users', indexes: [{ fields: ['status', '_id'] }, { fields: ['name'] }] },
];

const DOMAIN = 'api.hulian.example.com';
const HOSTING = 'prod-env-1-123.tcloudbaseapp.com';

const ENV = {
  TCB_ENV_ID: 'prod-env-1',
  TENCENTCLOUD_SECRETID: 'AKIDdeployer',
  TENCENTCLOUD_SECRETKEY: 'deployer-key',
  HULIAN_SECRET: 'h'.repeat(40),
  HULIAN_ADMIN_PASSWORD: 'console-admin-password',
  HULIAN_HTTP_DOMAIN: DOMAIN,
  HULIAN_HTTP_CERT_ID: 'cert-0001',
  TENCENT_SMS_SDK_APP_ID: '1400000001',
  TENCENT_SMS_SIGN_NAME: '互联科技',
  TENCENT_SMS_TEMPLATE_LOGIN: '1',
  TENCENT_SMS_TEMPLATE_BIND: '2',
  TENCENT_SMS_TEMPLATE_REGISTER: '3',
};

const oneLine = (pem: string) => pem.trim().replace(/\n/g, '\\n');
const fakeCert = () => `-----BEGIN CERTIFICATE-----\n${randomBytes(1100).toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----`;
/** WeChat Pay as a merchant really configures it: a 2048-bit key and full-size certificates. */
function fullPay() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  return {
    WXPAY_MCHID: '1900000001',
    WXPAY_APPID: 'wxcloud000000001',
    WXPAY_PRIVATE_KEY: oneLine(privateKey),
    WXPAY_CERT: oneLine(fakeCert()),
    WXPAY_APIV3_KEY: 'k'.repeat(32),
    WXPAY_PLATFORM_CERT: oneLine(fakeCert()),
    WXPAY_PUBLIC_KEY: oneLine(publicKey),
    WXPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0001',
  };
}
const REGISTRY = { HULIAN_REGISTRY_URL: 'https://registry.example.com/v1', HULIAN_REGISTRY_KEY: 'r'.repeat(48), HULIAN_REGISTRY_TIMEOUT_MS: '4000' };
const FUNCTIONS = ['admin', 'auth', 'payNotify', 'records', 'registration'];

async function deploy(world: ManagerWorld, env: Record<string, string> = ENV, failAt?: number) {
  const plan = makePlan({ env, bundles: FUNCTIONS.map(bundle), collections: COLLS });
  const consoleBuilds: string[] = [];
  const secrets: Array<Record<string, string>> = [];
  await executePlan(plan, managerStandin(world, { failAt }), {
    root: '/repo',
    env,
    log: () => undefined,
    buildConsole: async (e) => void consoleBuilds.push(e),
    seedEssentials: async (adminUser) => void world.calls.push(`essentials ${adminUser}`),
    writeSecrets: async (values) => {
      secrets.push(values);
      world.calls.push(`secrets ${Object.keys(values).join(',')}`);
    },
  });
  return { plan, consoleBuilds, secrets };
}

const writes = (w: ManagerWorld) => w.calls.filter((c) => !c.startsWith('exists?'));

describe('deploy executor (manager-node API)', () => {
  it('given an empty environment, then collections, essentials, secrets, functions, the domain and its routes, safe domains and the console come in that order', async () => {
    const world = newWorld();
    const { consoleBuilds } = await deploy(world);
    expect(writes(world).slice(0, 8)).toEqual([
      'collection admins',
      'rule admins ADMINONLY',
      'index admins.ux_admins__username',
      'collection ic_users',
      'rule ic_users ADMINONLY',
      'index ic_users.ix_ic_users__status___id',
      'index ic_users.ix_ic_users__name',
      'collection secrets',
    ]);
    expect(world.collections.get('secrets')!.rule).toBe('ADMINONLY');
    const order = writes(world).map((c) => c.split(' ')[0]);
    expect(order.indexOf('essentials')).toBeGreaterThan(order.lastIndexOf('index'));
    expect(order.indexOf('secrets')).toBeLessThan(order.indexOf('function'));
    expect(order.lastIndexOf('function')).toBeLessThan(order.indexOf('bindCustomDomain'));
    expect(world.calls.filter((c) => c.startsWith('function'))).toEqual(FUNCTIONS.map((n) => `function ${n} /repo/dist/functions force=true`));
    expect(world.calls.filter((c) => /HttpServiceRoute|bindCustomDomain/.test(c))).toEqual([
      `bindCustomDomain ${DOMAIN}`,
      'createHttpServiceRoute /admin->admin auth=false safe=true',
      'createHttpServiceRoute /pay/notify->payNotify auth=false safe=false',
      // the Official Account portal's routes (oa-config.ts OA_DEPLOY)
      'createHttpServiceRoute /portal/auth->auth auth=false safe=false',
      'createHttpServiceRoute /portal/registration->registration auth=false safe=false',
      'createHttpServiceRoute /portal/records->records auth=false safe=false',
    ]);
    expect(world.safeDomains).toEqual([HOSTING]);
    expect(world.calls.at(-1)).toBe('upload console');
    expect(consoleBuilds).toEqual([`https://${DOMAIN}/admin`]);
  });

  it('then each function gets exactly its variables, with the values from the environment and the console origin for CORS', async () => {
    const world = newWorld();
    await deploy(world, { ...ENV, ...REGISTRY });
    expect(world.functions.get('records')).toMatchObject({ name: 'records', handler: 'index.main', runtime: 'Nodejs20.19', timeout: 10, memorySize: 256, installDependency: false, envVariables: { HULIAN_SECRET: ENV.HULIAN_SECRET } });
    expect(world.functions.get('auth')!.envVariables).toEqual({
      HULIAN_SECRET: ENV.HULIAN_SECRET,
      TENCENT_SMS_SDK_APP_ID: '1400000001',
      TENCENT_SMS_SIGN_NAME: '互联科技',
      TENCENT_SMS_TEMPLATE_LOGIN: '1',
      TENCENT_SMS_TEMPLATE_BIND: '2',
      TENCENT_SMS_TEMPLATE_REGISTER: '3',
    });
    expect(world.functions.get('registration')!.envVariables).toEqual({ HULIAN_SECRET: ENV.HULIAN_SECRET, ...REGISTRY });
    expect(world.functions.get('admin')!.envVariables).toMatchObject({ HULIAN_SECRET: ENV.HULIAN_SECRET, HULIAN_CONSOLE_ORIGINS: `https://${HOSTING}` });
    expect(world.functions.get('payNotify')!.triggers).toEqual([{ name: 'pay-sweep', type: 'timer', config: '0 */5 * * * * *' }]);
  });

  it('given everything deployed already, when deploying again, then no collection, index, domain, route or safe domain is created twice', async () => {
    const world = newWorld();
    await deploy(world);
    world.calls.length = 0;
    await deploy(world);
    expect(writes(world).filter((c) => !/^(rule|essentials|secrets|function|upload)/.test(c))).toEqual([]);
    expect(world.collections.get('ic_users')!.indexes).toHaveLength(2);
  });

  it('given a route whose settings drifted (auth switched on), when deploying, then it is modified in place', async () => {
    const world = newWorld();
    await deploy(world);
    world.domains.get(DOMAIN)!.Routes!.find((r) => r.Path === '/admin')!.EnableAuth = true;
    world.calls.length = 0;
    await deploy(world);
    expect(world.calls.filter((c) => c.includes('HttpServiceRoute'))).toEqual(['modifyHttpServiceRoute /admin']);
    expect(world.domains.get(DOMAIN)!.Routes!.find((r) => r.Path === '/admin')!.EnableAuth).toBe(false);
  });

  it('given an index of the same name with other keys, then the deploy stops before its first write', async () => {
    const world = newWorld();
    world.collections.set('admins', { indexes: [{ Name: 'ux_admins__username', Keys: [{ Name: 'username', Direction: '1' }], Unique: false }] });
    await expect(deploy(world)).rejects.toThrow(/nothing was changed[\s\S]*admins\.ux_admins__username exists with other keys or uniqueness/);
    expect(writes(world)).toEqual([]);
  });

  it('given a path bound to another function, then the deploy refuses to steal it and writes nothing', async () => {
    const world = newWorld();
    world.domains.set(DOMAIN, { Domain: DOMAIN, CertId: 'c', Routes: [{ Path: '/admin', UpstreamResourceType: 'SCF', UpstreamResourceName: 'legacy' }] });
    await expect(deploy(world)).rejects.toThrow(/\/admin on api\.hulian\.example\.com is bound to legacy/);
    expect(writes(world)).toEqual([]);
  });

  it('given a domain not yet bound and no certificate id, then the deploy stops before its first write', async () => {
    const world = newWorld();
    const { HULIAN_HTTP_CERT_ID: _c, ...noCert } = ENV;
    await expect(deploy(world, noCert)).rejects.toThrow(/HULIAN_HTTP_CERT_ID/);
    expect(writes(world)).toEqual([]);
  });

  it('given a problem in the plan (a required variable unset, no custom domain), then nothing at all is called', async () => {
    const world = newWorld();
    const { HULIAN_SECRET: _s, ...rest } = ENV;
    await expect(deploy(world, rest)).rejects.toThrow(/required variables not set: HULIAN_SECRET/);
    const { HULIAN_HTTP_DOMAIN: _d, ...noDomain } = ENV;
    await expect(deploy(world, noDomain)).rejects.toThrow(/HULIAN_HTTP_DOMAIN is not set/);
    expect(world.calls).toEqual([]);
  });

  it('given WeChat Pay, SMS and the registry fully configured, then the PEMs go to the secrets collection, every function stays under 4 KB, and the notify URL is on the custom domain', async () => {
    const pay = fullPay();
    const pems = ['WXPAY_PRIVATE_KEY', 'WXPAY_CERT', 'WXPAY_PLATFORM_CERT', 'WXPAY_PUBLIC_KEY'] as const;
    // as variables they could never have fitted
    expect(pems.reduce((n, k) => n + k.length + Buffer.byteLength(pay[k]), 0)).toBeGreaterThan(4096);
    const world = newWorld();
    const env = { ...ENV, ...pay, ...REGISTRY, TENCENT_SMS_SECRET_ID: 'AKID'.padEnd(36, 's'), TENCENT_SMS_SECRET_KEY: 'k'.repeat(32) };
    const { plan, secrets } = await deploy(world, env);
    expect(secrets).toEqual([Object.fromEntries(pems.map((k) => [k, pay[k]]))]);
    for (const name of ['payNotify', 'admin']) {
      const vars = world.functions.get(name)!.envVariables;
      expect(vars).toMatchObject({ WXPAY_MCHID: pay.WXPAY_MCHID, WXPAY_APIV3_KEY: pay.WXPAY_APIV3_KEY, WXPAY_NOTIFY_URL: `https://${DOMAIN}/pay/notify` });
      for (const k of pems) expect(vars).not.toHaveProperty(k);
    }
    for (const [name, f] of world.functions) {
      const bytes = Object.entries(f.envVariables).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
      expect({ name, under: bytes < 4096 }).toEqual({ name, under: true });
      expect(plan.functions.find((p) => p.name === name)!.envBytes).toBeGreaterThanOrEqual(bytes);
    }
    expect(world.functions.get('auth')!.envVariables).not.toHaveProperty('WXPAY_MCHID');
  });

  it('given PEMs as files on the deployer machine (WXPAY_*_FILE), then the secrets hold their content on one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hulian-pem-'));
    try {
      const pay = fullPay();
      const key = pay.WXPAY_PRIVATE_KEY.replace(/\\n/g, '\n') + '\n';
      writeFileSync(join(dir, 'apiclient_key.pem'), key);
      const { WXPAY_PRIVATE_KEY: _k, ...rest } = pay;
      const { secrets } = await deploy(newWorld(), { ...ENV, ...rest, WXPAY_PRIVATE_KEY_FILE: join(dir, 'apiclient_key.pem') });
      expect(secrets[0]['WXPAY_PRIVATE_KEY']).toBe(pay.WXPAY_PRIVATE_KEY);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('given a deploy interrupted at any write, when it is run again, then it finishes with the same environment as an uninterrupted one', async () => {
    const clean = newWorld();
    await deploy(clean, { ...ENV, ...REGISTRY });
    const total = writes(clean).filter((c) => !/^(essentials|secrets)/.test(c)).length;
    expect(total).toBeGreaterThan(15);
    for (const failAt of [1, 4, Math.floor(total / 2), total - 3, total]) {
      const world = newWorld();
      await expect(deploy(world, { ...ENV, ...REGISTRY }, failAt)).rejects.toThrow(/connection reset/);
      await deploy(world, { ...ENV, ...REGISTRY });
      expect({ failAt, collections: world.collections, functions: world.functions, domains: world.domains, safe: world.safeDomains }).toEqual({
        failAt,
        collections: clean.collections,
        functions: clean.functions,
        domains: clean.domains,
        safe: clean.safeDomains,
      });
    }
  });
});

describe('manager-node stand-in refuses what CloudBase refuses', () => {
  it('given variables over 4 KB, then createFunction is refused and the function is unchanged', async () => {
    const world = newWorld();
    const mgr = managerStandin(world);
    const func = { name: 'admin', handler: 'index.main', runtime: 'Nodejs20.19', timeout: 30, memorySize: 256, installDependency: false };
    await expect(mgr.functions.createFunction({ func: { ...func, envVariables: { WXPAY_PRIVATE_KEY: 'x'.repeat(4080) } }, functionRootPath: '/r', force: true })).rejects.toThrow(/limit is 4 KB/);
    expect(world.functions.size).toBe(0);
  });

  it('given the deprecated gateway API (access.*), then every call is refused', async () => {
    const mgr = managerStandin(newWorld());
    expect(() => mgr.access.createAccess()).toThrow(/deprecated/);
    expect(() => mgr.access.getDomainList()).toThrow(/deprecated/);
  });

  it('given no custom domain bound, then a route cannot be created', async () => {
    const mgr = managerStandin(newWorld());
    await expect(mgr.env.createHttpServiceRoute({ EnvId: 'e', Domain: { Domain: DOMAIN, Routes: [{ Path: '/admin' }] } })).rejects.toThrow(/not bound/);
  });
});
