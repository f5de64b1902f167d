import type { Deps } from '../../cloudfunctions/core/ports';
import { COLLECTIONS } from '../../cloudfunctions/core/schema/collections';
import { openSqliteStore, type SqliteStore } from '../../cloudfunctions/adapters/sqlite';
import { nodeCrypto } from '../../cloudfunctions/adapters/node/crypto';
import { memoryCache } from '../../cloudfunctions/adapters/node/cache';
import { devSmsOutbox } from '../../cloudfunctions/adapters/sms/dev-outbox';
import { devWechatApi } from '../../cloudfunctions/adapters/wechat/dev-phone';
import { unconfiguredPay } from '../../cloudfunctions/adapters/wxpay/unconfigured';
import { sampleRegistry } from '../../cloudfunctions/adapters/registry';
import { officialAccountApi } from '../../cloudfunctions/adapters/wechat/oa-http';
import { oaStandIn } from '../../cloudfunctions/adapters/wechat/oa-standin';

export interface ManualClock {
  now(): number;
  advance(ms: number): void;
  set(ms: number): void;
}

export function manualClock(start = Date.UTC(2026, 10, 28, 4)): ManualClock {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms), set: (ms) => (t = ms) };
}

export interface TestDeps extends Deps {
  store: SqliteStore;
  clock: ManualClock;
  outbox: ReturnType<typeof devSmsOutbox>;
  phone: ReturnType<typeof devWechatApi>;
  /** WeChat's Official Account servers, played by the stand-in the adapter talks to */
  oa: ReturnType<typeof oaStandIn>;
}

export const TEST_OA = { appid: 'wxtestoa00000001', secret: 'test-oa-secret' };

/** Real ports (SQLite in memory, node crypto, dev SMS/WeChat simulators) with a clock the test moves. */
export function createTestDeps(): TestDeps {
  const clock = manualClock();
  const outbox = devSmsOutbox();
  const phone = devWechatApi(() => 'wxdemo0000000001');
  const oa = oaStandIn({ apps: [TEST_OA], now: clock.now });
  return {
    store: openSqliteStore({ file: ':memory:', collections: COLLECTIONS }),
    clock,
    crypto: nodeCrypto('unit-test-secret-'.padEnd(40, 'x')),
    cache: memoryCache(60_000, clock.now),
    sms: outbox,
    wechat: phone,
    // suites that buy seats put the WeChat Pay sandbox here (test/pay/support)
    pay: unconfiguredPay(),
    registry: sampleRegistry(),
    officialAccount: officialAccountApi({ apps: [TEST_OA], http: oa.http }),
    oa,
    outbox,
    phone,
    log: () => undefined,
  };
}
