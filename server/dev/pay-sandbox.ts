import { join } from 'node:path';
import type { Clock, PayGateway } from '../../cloudfunctions/core/ports';
import { unconfiguredPay, wxpayFromEnv, type PayLog } from '../../cloudfunctions/adapters/wxpay';
import { loadOrCreateSandboxKeys, sandboxPay, SANDBOX_MCHID, type SandboxWechatPay } from '../../cloudfunctions/adapters/wxpay/sandbox';

export interface LocalPay {
  gateway: PayGateway;
  /** the sandbox behind the gateway; null when the runtime talks to the real WeChat Pay */
  sandbox(): SandboxWechatPay | null;
}

/**
 * WeChat Pay for the local runtime. With `WXPAY_MCHID` in the environment it is the real one (all
 * `WXPAY_*` variables, see adapters/wxpay/config.ts). Otherwise, with the dev simulators on, the sandbox
 * (with them off — HULIAN_DEV=0 — there is no WeChat Pay: `pay/unavailable`). The sandbox's keys are generated into
 * DATA_DIR the first time a payment is made (so runtimes that never pay never pay for RSA key generation)
 * and its orders are kept there too, so a restart does not forget them.
 */
export function localPay(dataDir: string, appid: string, dev: boolean, clock: Clock, log: PayLog, env: NodeJS.ProcessEnv = process.env): LocalPay {
  if (env['WXPAY_MCHID']) return { gateway: wxpayFromEnv(env, clock.now, log), sandbox: () => null };
  if (!dev) return { gateway: unconfiguredPay(), sandbox: () => null };
  let built: ReturnType<typeof sandboxPay> | undefined;
  const get = () =>
    (built ??= sandboxPay({
      keys: loadOrCreateSandboxKeys(dataDir, SANDBOX_MCHID),
      appid,
      now: clock.now,
      file: join(dataDir, 'wxpay-sandbox-orders.json'),
      log,
    }));
  const gateway: PayGateway = {
    mode: 'sandbox',
    merchant: () => get().gateway.merchant(),
    createNativeOrder: (req) => get().gateway.createNativeOrder(req),
    queryOrder: (no) => get().gateway.queryOrder(no),
    closeOrder: (no) => get().gateway.closeOrder(no),
    openNotification: (req) => get().gateway.openNotification(req),
  };
  return { gateway, sandbox: () => get().service };
}
