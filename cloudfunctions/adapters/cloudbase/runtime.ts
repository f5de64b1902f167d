import * as tcb from '@cloudbase/node-sdk';
import type { Deps } from '../../core/ports';
import { nodeCrypto } from '../node/crypto';
import { memoryCache } from '../node/cache';
import { systemClock } from '../node/clock';
import { createCloudbaseStore } from './store';
import { productionSms, productionWechat } from './production-ports';
import { wxpayFromEnv } from '../wxpay';
import { registryFromEnv, unconfiguredRegistry } from '../registry';

type App = ReturnType<typeof tcb.init>;

let app: App | undefined;
let deps: Deps | undefined;

/** One SDK instance and one set of ports per warm function instance. */
export function cloudbaseApp(): App {
  app ??= tcb.init({ env: process.env['TCB_ENV_ID'] ?? tcb.SYMBOL_CURRENT_ENV, ...(process.env['TCB_SERVICE_URL'] ? { serviceUrl: process.env['TCB_SERVICE_URL'] } : {}) });
  return app;
}

export function cloudbaseDeps(): Deps {
  if (deps) return deps;
  const secret = process.env['HULIAN_SECRET'];
  if (!secret) throw new Error('HULIAN_SECRET is not set for this function');
  deps = {
    store: createCloudbaseStore(cloudbaseApp().database()),
    clock: systemClock,
    crypto: nodeCrypto(secret),
    // Other instances may change settings and roles; a short TTL bounds how long this one lags.
    cache: memoryCache(10_000),
    sms: productionSms(),
    wechat: productionWechat(cloudbaseApp()),
    // WeChat Pay from WXPAY_* variables; without them every pay call is `pay/unavailable`
    pay: wxpayFromEnv(process.env, systemClock.now, (msg, fields) => console.warn(JSON.stringify({ level: 'warn', msg, ...fields }))),
    // HULIAN_REGISTRY_URL (HTTP provider) or HULIAN_REGISTRY=sample; otherwise `registry/unavailable`
    registry: registryFromEnv(process.env, unconfiguredRegistry),
    log: (level, msg, fields) => console[level === 'info' ? 'log' : level](JSON.stringify({ level, msg, ...fields })),
  };
  return deps;
}
