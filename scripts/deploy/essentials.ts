/**
 * The deploy step that makes a fresh CloudBase environment usable: settings, the built-in roles (repaired
 * if edited), the seat counter and the console admin — server/seed.ts `seedEssentials`, the same code the
 * local runtime runs at every start, through the CloudBase store adapter and the real @cloudbase/node-sdk
 * with the deployer's API key. Idempotent. As locally, HULIAN_ADMIN_PASSWORD is the admin's password:
 * deploying with another value changes it. No demo data ever goes to CloudBase.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import type { Deps } from '../../cloudfunctions/core/ports';
import { createCloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/store';
import type { TcbDb } from '../../cloudfunctions/adapters/cloudbase/sdk-types';
import { nodeCrypto } from '../../cloudfunctions/adapters/node/crypto';
import { memoryCache } from '../../cloudfunctions/adapters/node/cache';
import { systemClock } from '../../cloudfunctions/adapters/node/clock';
import { loadConfig } from '../../server/config';
import { seedEssentials } from '../../server/seed';
import { SECRETS_COLLECTION, SECRETS_DOC } from '../../cloudfunctions/adapters/cloudbase/secrets';

export interface EssentialsTarget {
  envId: string;
  secretId: string;
  secretKey: string;
  sessionToken?: string;
  /** HULIAN_SECRET (the functions' own) */
  secret: string;
  adminUser: string;
  adminPassword: string;
  /** tests only: the admin API address (the tcb stand-in) */
  serviceUrl?: string;
}

/** Only the ports seeding uses; touching any other one is a bug worth failing loudly on. */
function seedingDeps(base: Pick<Deps, 'store' | 'clock' | 'crypto' | 'cache' | 'log'>): Deps {
  return new Proxy(base, {
    get(target, key) {
      if (key in target) return target[key as keyof typeof target];
      throw new Error(`seeding used the ${String(key)} port`);
    },
  }) as Deps;
}

const appFor = (t: Pick<EssentialsTarget, 'envId' | 'secretId' | 'secretKey' | 'sessionToken' | 'serviceUrl'>) =>
  tcb.init({
    env: t.envId,
    secretId: t.secretId,
    secretKey: t.secretKey,
    ...(t.sessionToken ? { sessionToken: t.sessionToken } : {}),
    ...(t.serviceUrl ? { serviceUrl: t.serviceUrl } : {}),
  });

export async function seedEssentialsOnCloudbase(t: EssentialsTarget): Promise<void> {
  const app = appFor(t);
  const deps = seedingDeps({
    store: createCloudbaseStore(app.database() as unknown as TcbDb),
    clock: systemClock,
    crypto: nodeCrypto(t.secret),
    cache: memoryCache(0),
    log: () => undefined,
  });
  // the local runtime's config type; with the secret and password given it writes nothing to DATA_DIR
  const dataDir = mkdtempSync(join(tmpdir(), 'hulian-deploy-'));
  try {
    const config = loadConfig({ DATA_DIR: dataDir, HULIAN_SECRET: t.secret, HULIAN_ADMIN_USER: t.adminUser, HULIAN_ADMIN_PASSWORD: t.adminPassword });
    await seedEssentials(deps, config);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The `secrets` document the functions read at run time (adapters/cloudbase/secrets.ts): set whole, so a
 * re-run converges and a value removed from the deployer's environment is removed here too.
 */
export async function writeSecretsOnCloudbase(t: Omit<EssentialsTarget, 'secret' | 'adminUser' | 'adminPassword'>, values: Record<string, string>): Promise<void> {
  const db = appFor(t).database();
  await db.collection(SECRETS_COLLECTION).doc(SECRETS_DOC).set({ values, updated_at: new Date().toISOString() });
}
