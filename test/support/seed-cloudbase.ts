/**
 * Seeds the tcb stand-in through the CloudBase store adapter (the real SDK): the essentials exactly as
 * `npm run deploy` writes them (scripts/deploy/essentials.ts: settings, built-in roles, the seat counter,
 * the admin), then the local runtime's demo data (server/seed.ts seedDemo; among it an openid-auto method
 * for `appid` and a form method), which a real deployment never gets.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import type { Deps } from '../../cloudfunctions/core/ports';
import { createCloudbaseStore, type CloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/store';
import type { TcbDb } from '../../cloudfunctions/adapters/cloudbase/sdk-types';
import { nodeCrypto } from '../../cloudfunctions/adapters/node/crypto';
import { systemClock } from '../../cloudfunctions/adapters/node/clock';
import { loadConfig, type ServerConfig } from '../../server/config';
import { seedDemo } from '../../server/seed';
import { seedEssentialsOnCloudbase } from '../../scripts/deploy/essentials';
import { createTestDeps } from './deps';

export interface CloudbaseSeed {
  config: ServerConfig;
  /** a store on the same stand-in, for assertions */
  store: CloudbaseStore;
}

/** A store on the stand-in through the real SDK (the test process must have TENCENTCLOUD=true). */
export function standinStore(url: string): CloudbaseStore {
  const app = tcb.init({ env: 'test-env', secretId: 'AKIDtest', secretKey: 'test', serviceUrl: `${url}/admin`, timeout: 10_000 });
  return createCloudbaseStore(app.database() as unknown as TcbDb);
}

export async function seedCloudbase(url: string, opts: { secret: string; adminPassword: string; appid: string }): Promise<CloudbaseSeed> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hulian-seed-'));
  try {
    const config = loadConfig({ DATA_DIR: dataDir, HULIAN_SECRET: opts.secret, HULIAN_ADMIN_PASSWORD: opts.adminPassword, HULIAN_DEV_APPID: opts.appid });
    // the local ports (dev SMS, WeChat, pay, registry…) with the CloudBase store in place of SQLite
    const local = createTestDeps();
    local.store.close();
    const store = standinStore(url);
    const deps: Deps = { ...local, store, clock: systemClock, crypto: nodeCrypto(opts.secret) };
    await seedEssentialsOnCloudbase({ envId: 'test-env', secretId: 'AKIDtest', secretKey: 'test', secret: opts.secret, adminUser: 'admin', adminPassword: opts.adminPassword, serviceUrl: `${url}/admin` });
    await seedDemo(deps, config);
    return { config, store };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
