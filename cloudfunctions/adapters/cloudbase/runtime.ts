import * as tcb from '@cloudbase/node-sdk';
import type { Deps } from '../../core/ports';
import { nodeCrypto } from '../node/crypto';
import { memoryCache } from '../node/cache';
import { systemClock } from '../node/clock';
import { createCloudbaseStore } from './store';
import { productionWechat } from './production-ports';
import { unconfiguredPay } from '../wxpay/unconfigured';
import { unconfiguredRegistry } from '../registry/unconfigured';
import type { OptionalPorts } from './optional-ports';
import { secretsReader } from './secrets';
import type { SmsSender } from '../../core/ports';

/** A function that never sends SMS (only `auth` does): a send would be a bug, not a configuration gap. */
const noSms: SmsSender = {
  sendCode: async () => {
    throw new Error('this function does not send SMS');
  },
  sendInvitation: async () => {
    throw new Error('this function does not send SMS');
  },
};
import { officialAccountFromEnv } from '../wechat/oa-config';

type App = ReturnType<typeof tcb.init>;

let app: App | undefined;
let deps: Deps | undefined;

/** One SDK instance and one set of ports per warm function instance. */
export function cloudbaseApp(): App {
  app ??= tcb.init({ env: process.env['TCB_ENV_ID'] ?? tcb.SYMBOL_CURRENT_ENV, ...(process.env['TCB_SERVICE_URL'] ? { serviceUrl: process.env['TCB_SERVICE_URL'] } : {}) });
  return app;
}

export function cloudbaseDeps(optional: OptionalPorts = {}): Deps {
  if (deps) return deps;
  const secret = process.env['HULIAN_SECRET'];
  if (!secret) throw new Error('HULIAN_SECRET is not set for this function');
  deps = {
    store: createCloudbaseStore(cloudbaseApp().database()),
    clock: systemClock,
    crypto: nodeCrypto(secret),
    // Other instances may change settings and roles; a short TTL bounds how long this one lags.
    cache: memoryCache(10_000),
    sms: optional.sms?.() ?? noSms,
    wechat: productionWechat(cloudbaseApp()),
    // only the deploy units that use them pass these (optional-ports.ts); the rest refuse
    pay: optional.pay?.({ secrets: secretsReader(() => cloudbaseApp().database()) }) ?? unconfiguredPay(),
    registry: optional.registry?.() ?? unconfiguredRegistry(),
    // WeChat's endpoints with WECHAT_OA_APPID/SECRET (only `auth` holds them; elsewhere every code is refused)
    officialAccount: officialAccountFromEnv(process.env),
    log: (level, msg, fields) => console[level === 'info' ? 'log' : level](JSON.stringify({ level, msg, ...fields })),
  };
  return deps;
}
