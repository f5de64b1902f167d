import type { PayGateway } from '../../core/ports';
import { wxpayConfigFromEnv } from './config';
import type { PayLog } from './gateway';
import { fetchTransport } from './http';
import { unconfiguredPay } from './unconfigured';

export { unconfiguredPay } from './unconfigured';
export type { PayLog } from './gateway';

/**
 * Production WeChat Pay from `WXPAY_*` environment variables (see config.ts), built on first use so
 * functions that never pay neither parse keys nor warn. Without the variables: a gateway that answers
 * `pay/unavailable`, and one warning naming the missing variables (never their values).
 */
export function wxpayFromEnv(env: Record<string, string | undefined>, now: () => number, log?: PayLog): PayGateway {
  let built: PayGateway | undefined;
  const gateway = (): PayGateway => {
    if (built) return built;
    const parsed = wxpayConfigFromEnv(env);
    if ('missing' in parsed) {
      log?.('WeChat Pay is not configured', { missing: parsed.missing });
      built = unconfiguredPay();
    } else {
      // Required here, not at load: functions that never pay (auth, records) then never evaluate
      // wechatpay-node-v3, superagent and @fidm/x509 on a cold start.
      const { wxpayGateway } = require('./gateway') as typeof import('./gateway');
      built = wxpayGateway({ config: parsed.config, transport: fetchTransport(), now, mode: 'production', ...(log ? { log } : {}) });
    }
    return built;
  };
  return {
    get mode() {
      return gateway().mode;
    },
    merchant: () => gateway().merchant(),
    createNativeOrder: (req) => gateway().createNativeOrder(req),
    queryOrder: (no) => gateway().queryOrder(no),
    closeOrder: (no) => gateway().closeOrder(no),
    openNotification: (req) => gateway().openNotification(req),
  };
}
