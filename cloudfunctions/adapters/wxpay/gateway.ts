import Pay from 'wechatpay-node-v3';
import type { NativeOrderRequest, PayGateway, PayMode, PayNotification, PayTransaction } from '../../core/ports';
import { AppError } from '../../core/kernel/app-error';
import type { WxpayConfig } from './config';
import { verifyingHttp, type HttpOutput, type Transport } from './http';
import { verifierKeys } from './keys';
import { openNotification } from './notification';
import { PayVerifyError } from './signature';
import { parseTransaction } from './transaction';

export type PayLog = (msg: string, fields?: Record<string, unknown>) => void;

export interface WxpayGatewayOptions {
  config: WxpayConfig;
  transport: Transport;
  now: () => number;
  mode: PayMode;
  log?: PayLog;
}

/** `time_expire` as WeChat Pay wants it: RFC 3339 to the second, in Beijing time. */
export function beijingTime(iso: string): string {
  const ms = Date.parse(iso);
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00';
}

const errorCode = (out: HttpOutput): string => (out.error && typeof out.error === 'object' && typeof out.error.code === 'string' ? out.error.code : `HTTP_${out.status}`);

/**
 * WeChat Pay through wechatpay-node-v3: the library builds and signs every request (merchant key, the
 * merchant certificate's serial); `verifyingHttp` carries it and checks every answer's signature.
 * Notifications are opened by our own code (`notification.ts`), never by the library's `verifySign` /
 * `decipher_gcm` (no timestamp window, unbounded certificate fetching, no GCM tag check).
 */
export function wxpayGateway(opts: WxpayGatewayOptions): PayGateway {
  const { config, now, mode } = opts;
  const log: PayLog = opts.log ?? (() => undefined);
  const keys = verifierKeys(config);
  const pay = new Pay({
    appid: config.appid,
    mchid: config.mchid,
    publicKey: Buffer.from(config.merchantCert),
    privateKey: Buffer.from(config.merchantPrivateKey),
    key: config.apiV3Key,
  });
  pay.createHttp(verifyingHttp(opts.transport, keys, now));

  const unavailable = (op: string, out: HttpOutput): AppError => {
    log('wechat pay call failed', { op, status: out.status, code: errorCode(out) });
    return new AppError('pay/unavailable');
  };

  return {
    mode,
    merchant: () => ({ mchid: config.mchid, appid: config.appid }),

    async createNativeOrder(req: NativeOrderRequest) {
      const out = await pay.transactions_native({
        description: req.description,
        out_trade_no: req.outTradeNo,
        time_expire: beijingTime(req.expiresAt),
        notify_url: config.notifyUrl,
        amount: { total: req.amountFen, currency: 'CNY' },
      });
      const codeUrl: unknown = out.data?.code_url;
      if (out.status !== 200 || typeof codeUrl !== 'string' || !codeUrl.startsWith('weixin://')) throw unavailable('native', out);
      return { codeUrl };
    },

    async queryOrder(outTradeNo: string): Promise<PayTransaction | null> {
      const out = await pay.query({ out_trade_no: outTradeNo });
      if (out.status === 404 || errorCode(out) === 'ORDER_NOT_EXIST') return null;
      if (out.status !== 200) throw unavailable('query', out);
      try {
        return parseTransaction(out.data);
      } catch {
        throw unavailable('query', { status: 0, error: { code: 'BAD_TRANSACTION' } });
      }
    },

    async closeOrder(outTradeNo: string) {
      const out = await pay.close(outTradeNo);
      if (out.status === 204 || out.status === 200) return 'closed';
      if (errorCode(out) === 'ORDERPAID') return 'already-paid';
      throw unavailable('close', out);
    },

    async openNotification(req): Promise<PayNotification> {
      try {
        return openNotification(req.headers, req.body, { keys, apiV3Key: config.apiV3Key }, now());
      } catch (e) {
        if (e instanceof PayVerifyError) throw new AppError('pay/invalid-notification', { reason: e.reason });
        throw e;
      }
    },
  };
}
