import type { PayGateway } from '../../../core/ports';
import { wxpayGateway, type PayLog } from '../gateway';
import type { SandboxKeys } from './keys';
import { SandboxWechatPay, type SandboxOptions } from './service';

export { SandboxWechatPay, type SandboxOrder } from './service';
export { generateSandboxKeys, loadOrCreateSandboxKeys, type SandboxKeys, type SandboxSigner } from './keys';
export { encryptResource, signMessage, successNotification } from './messages';

export const SANDBOX_MCHID = '1900000001';

/**
 * The local runtime's WeChat Pay: the production gateway (wechatpay-node-v3 signing, our verification)
 * wired to the in-process sandbox instead of api.mch.weixin.qq.com. Both a platform certificate and a
 * WeChat Pay public key are trusted, as during WeChat Pay's key migration.
 */
export function sandboxPay(opts: { keys: SandboxKeys; appid: string; mchid?: string; now: () => number; file?: string; log?: PayLog; notifySigner?: SandboxOptions['notifySigner'] }): { gateway: PayGateway; service: SandboxWechatPay } {
  const mchid = opts.mchid ?? SANDBOX_MCHID;
  const service = new SandboxWechatPay({ keys: opts.keys, mchid, appid: opts.appid, now: opts.now, ...(opts.file ? { file: opts.file } : {}), ...(opts.notifySigner ? { notifySigner: opts.notifySigner } : {}) });
  const gateway = wxpayGateway({
    config: {
      mchid,
      appid: opts.appid,
      merchantPrivateKey: opts.keys.merchant.privateKey,
      merchantCert: opts.keys.merchant.cert,
      apiV3Key: opts.keys.apiV3Key,
      platformCerts: [opts.keys.platform.cert],
      publicKey: { id: opts.keys.publicKey.serial, pem: opts.keys.publicKey.publicKey },
      // the sandbox delivers through POST /api/dev/pay/<outTradeNo>/succeed, not to this address
      notifyUrl: 'http://127.0.0.1/api/pay/notify',
    },
    transport: service.transport,
    now: opts.now,
    mode: 'sandbox',
    ...(opts.log ? { log: opts.log } : {}),
  });
  return { gateway, service };
}
