import { chmodSync, closeSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Deps } from '../cloudfunctions/core/ports';
import { COLLECTIONS } from '../cloudfunctions/core/schema/collections';
import { openSqliteStore, type SqliteStore } from '../cloudfunctions/adapters/sqlite';
import { nodeCrypto } from '../cloudfunctions/adapters/node/crypto';
import { memoryCache } from '../cloudfunctions/adapters/node/cache';
import { systemClock } from '../cloudfunctions/adapters/node/clock';
import { devSmsOutbox } from '../cloudfunctions/adapters/sms/dev-outbox';
import { devWechatApi } from '../cloudfunctions/adapters/wechat/dev-phone';
import { registryFromEnv, sampleRegistry } from '../cloudfunctions/adapters/registry';
import { localPay, type LocalPay } from './dev/pay-sandbox';
import { localOfficialAccount } from './dev/official-account';
import type { OaStandIn } from '../cloudfunctions/adapters/wechat/oa-standin';
import { startPaySweep } from './pay-routes';
import { startMessageRetry } from './message-retry';
import type { ServerConfig } from './config';
import { seedDemo, seedEssentials } from './seed';
import { indexUnindexedAccounts } from '../cloudfunctions/core/registration/reindex';

export interface Runtime {
  deps: Deps;
  store: SqliteStore;
  /** the dev simulators behind the ports (only reachable over HTTP when HULIAN_DEV is on) */
  /** `oa` is null when WECHAT_OA_APPID/SECRET name a real Official Account */
  dev: { sms: ReturnType<typeof devSmsOutbox>; wechat: ReturnType<typeof devWechatApi>; pay: LocalPay; oa: OaStandIn | null };
  config: ServerConfig;
  close(): void;
}

/** The embedded runtime: the same core and functions as CloudBase, on SQLite in one process. */
export async function createRuntime(config: ServerConfig): Promise<Runtime> {
  const dbFile = join(config.dataDir, 'hulian.sqlite');
  // SQLite gives the -wal and -shm files the database file's mode: create it 0600 before SQLite does
  closeSync(openSync(dbFile, 'a', 0o600));
  ownerOnly(config.dataDir);
  const store = openSqliteStore({ file: dbFile, collections: COLLECTIONS });
  const log: Deps['log'] = (level, msg, fields) => {
    if (level !== 'info' || process.env['HULIAN_LOG'] === 'info') console[level === 'info' ? 'log' : level](`[${level}] ${msg}`, fields ?? '');
  };
  const dev = {
    sms: devSmsOutbox(),
    wechat: devWechatApi(() => config.devAppId),
    pay: localPay(config.dataDir, config.devAppId, config.dev, systemClock, (msg, fields) => log('warn', msg, fields)),
  };
  const oa = localOfficialAccount(process.env, config.devOaAppId);
  const deps: Deps = {
    store,
    sms: dev.sms,
    wechat: dev.wechat,
    clock: systemClock,
    crypto: nodeCrypto(config.secret),
    // One process serves every function, so local writes invalidate at once; the TTL only bounds staleness.
    cache: memoryCache(30_000),
    pay: dev.pay.gateway,
    // the bundled synthetic registry sample, unless HULIAN_REGISTRY_URL names a real one
    registry: registryFromEnv(process.env, sampleRegistry),
    officialAccount: oa.api,
    log,
  };
  await seedEssentials(deps, config);
  if (config.seed) await seedDemo(deps, config);
  // Accounts seeded or imported without the duplicate-check index get it (a no-op once done).
  await indexUnindexedAccounts(deps);
  // orders left unpaid after their window are queried and closed (also swept when the console lists them)
  const stopSweep = startPaySweep(deps);
  // messages to people that failed to send go out again when due (core/notifications/outbox.ts)
  const stopMessages = startMessageRetry(deps);
  // the pay sandbox's keys and anything an older version left readable
  ownerOnly(config.dataDir);
  return {
    deps,
    store,
    dev: { ...dev, oa: oa.standIn },
    config,
    close: () => {
      stopSweep();
      stopMessages();
      store.close();
    },
  };
}

/** Every file directly in the data folder (database, -wal, -shm, secrets, sandbox keys) is the owner's alone. */
function ownerOnly(dataDir: string): void {
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) if (entry.isFile()) chmodSync(join(dataDir, entry.name), 0o600);
}
