/**
 * The deploy executor against a recording stand-in of @cloudbase/manager-node (same method names and
 * shapes as 5.6.5): what it creates, in which order, which values it hands over, and that re-running it
 * on an environment that already has everything creates nothing twice.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BundleResult } from '../../scripts/build/functions';
import { executePlan } from '../../scripts/deploy/execute';
import type { CloudbaseManager, ManagerFunction, ManagerIndex } from '../../scripts/deploy/manager';
import { makePlan } from '../../scripts/deploy/plan';
import type { CollectionDecl } from '../../cloudfunctions/core/schema/collections';

const bundle = (name: string): BundleResult => ({ name, dir: `/x/${name}`, files: [], bytes: 1000, packages: [], dependencies: {}, warnings: [] });

const COLLS: CollectionDecl[] = [
  { name: 'admins', indexes: [{ fields: ['username'], unique: true }] },
  { name: 'ic_users', indexes: [{ fields: ['status', '_id'] }, { fields: ['name'] }] },
];

const ENV = {
  TCB_ENV_ID: 'prod-env-1',
  TENCENTCLOUD_SECRETID: 'AKIDdeployer',
  TENCENTCLOUD_SECRETKEY: 'deployer-key',
  HULIAN_SECRET: 'h'.repeat(40),
  HULIAN_ADMIN_PASSWORD: 'console-admin-password',
  TENCENT_SMS_SDK_APP_ID: '1400000001',
  TENCENT_SMS_SIGN_NAME: '互联科技',
  TENCENT_SMS_TEMPLATE_LOGIN: '1',
  TENCENT_SMS_TEMPLATE_BIND: '2',
  TENCENT_SMS_TEMPLATE_REGISTER: '3',
};

interface World {
  collections: Map<string, Array<{ Name: string; Keys: Array<{ Name: string; Direction: string }>; Unique: boolean }>>;
  paths: Array<{ Name: string; Path: string; Type: number }>;
  functions: Map<string, ManagerFunction>;
  calls: string[];
  uploads: Array<{ localPath: string; cloudPath: string }>;
}

function fakeManager(world: World): CloudbaseManager {
  const log = (c: string) => world.calls.push(c);
  return {
    functions: {
      async createFunction({ func, functionRootPath, force }) {
        log(`function ${func.name} ${functionRootPath} force=${force}`);
        world.functions.set(func.name, func);
      },
    },
    database: {
      async createCollectionIfNotExists(name) {
        log(`collection ${name}`);
        if (world.collections.has(name)) return { IsCreated: false };
        world.collections.set(name, []);
        return { IsCreated: true };
      },
      async describeCollection(name) {
        return { Indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }, ...(world.collections.get(name) ?? [])] };
      },
      async updateCollection(name, { CreateIndexes }: { CreateIndexes: ManagerIndex[] }) {
        for (const i of CreateIndexes) {
          log(`index ${name}.${i.IndexName}`);
          world.collections.get(name)!.push({ Name: i.IndexName, Keys: i.MgoKeySchema.MgoIndexKeys, Unique: i.MgoKeySchema.MgoIsUnique });
        }
      },
    },
    permission: {
      async modifyResourcePermission({ resource, permission }) {
        log(`rule ${resource} ${permission}`);
      },
    },
    access: {
      getDomainList: async () => ({ DefaultDomain: 'prod-env-1.ap-shanghai.app.tcloudbase.com' }),
      getAccessList: async ({ path }) => ({ APISet: world.paths.filter((p) => p.Path === path) }),
      async createAccess({ name, path, type, auth }) {
        log(`path ${path} -> ${name} type=${type} auth=${auth}`);
        world.paths.push({ Name: name, Path: path, Type: type });
      },
    },
    hosting: {
      getInfo: async () => [{ CdnDomain: 'prod-env-1-123.tcloudbaseapp.com', Status: 'online' }],
      async uploadFiles(o) {
        log(`upload ${o.cloudPath}`);
        world.uploads.push(o);
      },
    },
  };
}

const newWorld = (): World => ({ collections: new Map(), paths: [], functions: new Map(), calls: [], uploads: [] });

async function deploy(world: World, env: Record<string, string> = ENV) {
  const plan = makePlan({ env, bundles: ['admin', 'auth', 'payNotify', 'records'].map(bundle), collections: COLLS });
  const consoleBuilds: string[] = [];
  const lines: string[] = [];
  await executePlan(plan, fakeManager(world), {
    root: '/repo',
    env,
    log: (l) => lines.push(l),
    buildConsole: async (e) => void consoleBuilds.push(e),
    seedEssentials: async (adminUser) => void world.calls.push(`essentials ${adminUser}`),
  });
  return { consoleBuilds, lines };
}

describe('deploy executor (manager-node API)', () => {
  it('given an empty environment, then collections and indexes come first, then functions with their values, then paths, then the console', async () => {
    const world = newWorld();
    const { consoleBuilds } = await deploy(world);
    expect(world.calls.slice(0, 7)).toEqual([
      'collection admins',
      'rule admins ADMINONLY',
      'index admins.ux_admins__username',
      'collection ic_users',
      'rule ic_users ADMINONLY',
      'index ic_users.ix_ic_users__status___id',
      'index ic_users.ix_ic_users__name',
    ]);
    expect(world.calls[7]).toBe('essentials admin');
    expect(world.collections.get('admins')).toEqual([{ Name: 'ux_admins__username', Keys: [{ Name: 'username', Direction: '1' }], Unique: true }]);
    expect(world.calls.filter((c) => c.startsWith('function'))).toEqual(['admin', 'auth', 'payNotify', 'records'].map((n) => `function ${n} /repo/dist/functions force=true`));
    expect(world.calls.filter((c) => c.startsWith('path'))).toEqual(['path /admin -> admin type=1 auth=false', 'path /pay/notify -> payNotify type=1 auth=false']);
    expect(world.calls.at(-1)).toBe('upload console');
    expect(consoleBuilds).toEqual(['https://prod-env-1.ap-shanghai.app.tcloudbase.com/admin']);
  });

  it('then each function gets exactly its variables, with the values from the environment and the derived console origin', async () => {
    const world = newWorld();
    await deploy(world);
    expect(world.functions.get('records')).toEqual({
      name: 'records',
      handler: 'index.main',
      runtime: 'Nodejs20.19',
      timeout: 10,
      memorySize: 256,
      installDependency: false,
      envVariables: { HULIAN_SECRET: ENV.HULIAN_SECRET },
    });
    expect(world.functions.get('auth')!.envVariables).toEqual({
      HULIAN_SECRET: ENV.HULIAN_SECRET,
      TENCENT_SMS_SDK_APP_ID: '1400000001',
      TENCENT_SMS_SIGN_NAME: '互联科技',
      TENCENT_SMS_TEMPLATE_LOGIN: '1',
      TENCENT_SMS_TEMPLATE_BIND: '2',
      TENCENT_SMS_TEMPLATE_REGISTER: '3',
    });
    expect(world.functions.get('admin')!.envVariables).toEqual({ HULIAN_SECRET: ENV.HULIAN_SECRET, HULIAN_CONSOLE_ORIGINS: 'https://prod-env-1-123.tcloudbaseapp.com' });
    expect(world.functions.get('payNotify')!.triggers).toEqual([{ name: 'pay-sweep', type: 'timer', config: '0 */5 * * * * *' }]);
  });

  it('given everything deployed already, when deploying again, then no collection, index or path is created twice', async () => {
    const world = newWorld();
    await deploy(world);
    world.calls.length = 0;
    await deploy(world);
    expect(world.calls.filter((c) => c.startsWith('index') || c.startsWith('path'))).toEqual([]);
    expect(world.collections.get('ic_users')).toHaveLength(2);
  });

  it('given an index of the same name with other keys, then the deploy stops before touching functions', async () => {
    const world = newWorld();
    world.collections.set('admins', [{ Name: 'ux_admins__username', Keys: [{ Name: 'username', Direction: '1' }], Unique: false }]);
    await expect(deploy(world)).rejects.toThrow(/admins\.ux_admins__username exists with other keys or uniqueness/);
    expect(world.functions.size).toBe(0);
  });

  it('given a path bound to another function, then the deploy refuses to steal it', async () => {
    const world = newWorld();
    world.paths.push({ Name: 'legacy', Path: '/admin', Type: 1 });
    await expect(deploy(world)).rejects.toThrow(/\/admin is bound to legacy/);
  });

  it('given a problem in the plan (a required variable unset), then nothing at all is called', async () => {
    const world = newWorld();
    const { HULIAN_SECRET: _s, ...rest } = ENV;
    await expect(deploy(world, rest)).rejects.toThrow(/required variables not set: HULIAN_SECRET/);
    const { HULIAN_ADMIN_PASSWORD: _p, ...noAdmin } = ENV;
    await expect(deploy(world, noAdmin)).rejects.toThrow(/HULIAN_ADMIN_PASSWORD is not set/);
    expect(world.calls).toEqual([]);
  });

  it('given WeChat Pay configured without a notify URL, then payNotify and admin get the URL of the /pay/notify path', async () => {
    const world = newWorld();
    const pay = {
      WXPAY_MCHID: '1900000001',
      WXPAY_APPID: 'wxcloud000000001',
      WXPAY_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----',
      WXPAY_CERT: '-----BEGIN CERTIFICATE-----\\nBBBB\\n-----END CERTIFICATE-----',
      WXPAY_APIV3_KEY: 'k'.repeat(32),
      WXPAY_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\\nCCCC\\n-----END PUBLIC KEY-----',
      WXPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0001',
    };
    await deploy(world, { ...ENV, ...pay });
    for (const name of ['payNotify', 'admin']) {
      expect(world.functions.get(name)!.envVariables).toMatchObject({ ...pay, WXPAY_NOTIFY_URL: 'https://prod-env-1.ap-shanghai.app.tcloudbase.com/pay/notify' });
    }
    expect(world.functions.get('auth')!.envVariables).not.toHaveProperty('WXPAY_MCHID');
  });

  it('given PEMs as files on the deployer machine (WXPAY_*_FILE), then the functions get their content on one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hulian-pem-'));
    try {
      const key = '-----BEGIN PRIVATE KEY-----\nAAAA\nBBBB\n-----END PRIVATE KEY-----\n';
      writeFileSync(join(dir, 'apiclient_key.pem'), key);
      const world = newWorld();
      await deploy(world, {
        ...ENV,
        WXPAY_MCHID: '1900000001',
        WXPAY_APPID: 'wxcloud000000001',
        WXPAY_PRIVATE_KEY_FILE: join(dir, 'apiclient_key.pem'),
        WXPAY_CERT: '-----BEGIN CERTIFICATE-----\\nBBBB\\n-----END CERTIFICATE-----',
        WXPAY_APIV3_KEY: 'k'.repeat(32),
        WXPAY_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\\nCCCC\\n-----END PUBLIC KEY-----',
        WXPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0001',
      });
      expect(world.functions.get('payNotify')!.envVariables['WXPAY_PRIVATE_KEY']).toBe('-----BEGIN PRIVATE KEY-----\\nAAAA\\nBBBB\\n-----END PRIVATE KEY-----');
      expect(world.functions.get('payNotify')!.envVariables).not.toHaveProperty('WXPAY_PRIVATE_KEY_FILE');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
