import type { PayGateway } from '../../core/ports';
import { AppError } from '../../core/kernel/app-error';
import { wxpayFromEnv } from '../wxpay';
import { systemClock } from '../node/clock';
import type { SecretsReader } from './secrets';

const warn = (msg: string, fields?: Record<string, unknown>) => console.warn(JSON.stringify({ level: 'warn', msg, ...fields }));

/**
 * WeChat Pay for `admin` and `payNotify`: `WXPAY_*` variables, with the PEMs from the `secrets`
 * collection (secrets.ts) merged over them. Built on the first call that pays, so an invocation that
 * never pays neither reads the secrets nor loads wechatpay-node-v3; without a configuration every call
 * answers `pay/unavailable`. The merchant (mchid, appid) is small and stays a variable: `merchant()` is
 * synchronous.
 */
export function payFromCloud(secrets: SecretsReader): PayGateway {
  let built: Promise<PayGateway> | undefined;
  const gateway = (): Promise<PayGateway> => {
    built ??= secrets.load().then(
      (values) => wxpayFromEnv({ ...process.env, ...values }, systemClock.now, warn),
      (e: unknown) => {
        built = undefined; // a failed read is retried by the next call
        throw e;
      },
    );
    return built;
  };
  return {
    mode: 'production',
    merchant() {
      const mchid = process.env['WXPAY_MCHID']?.trim();
      const appid = process.env['WXPAY_APPID']?.trim();
      if (!mchid || !appid) throw new AppError('pay/unavailable');
      return { mchid, appid };
    },
    createNativeOrder: async (req) => (await gateway()).createNativeOrder(req),
    queryOrder: async (no) => (await gateway()).queryOrder(no),
    closeOrder: async (no) => (await gateway()).closeOrder(no),
    openNotification: async (req) => (await gateway()).openNotification(req),
  };
}
