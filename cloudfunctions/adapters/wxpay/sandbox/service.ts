import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { X509Certificate, randomBytes, verify } from 'node:crypto';
import type { TradeState } from '../../../core/ports';
import { AppError } from '../../../core/kernel/app-error';
import type { RawRequest, RawResponse, Transport } from '../http';
import type { SandboxKeys, SandboxSigner } from './keys';
import { beijingNow, signMessage, successNotification } from './messages';

/** An order as the sandbox's "WeChat Pay" holds it. */
export interface SandboxOrder {
  out_trade_no: string;
  appid: string;
  mchid: string;
  description: string;
  total: number;
  time_expire: number;
  trade_state: TradeState;
  code_url: string;
  transaction_id?: string;
  success_time?: string;
  /** the notification id of its success event: a re-delivery carries the same id */
  event_id?: string;
}

export interface SandboxOptions {
  keys: SandboxKeys;
  mchid: string;
  appid: string;
  now: () => number;
  /** keeps orders across restarts (a JSON file in DATA_DIR); memory only when absent */
  file?: string;
  /** which key signs notifications; API answers are signed with the other (both are trusted: key migration) */
  notifySigner?: 'public-key' | 'platform-cert';
}

const BASE = 'https://api.mch.weixin.qq.com';
const json = (status: number, body: unknown): { status: number; body: string } => ({ status, body: body === undefined ? '' : JSON.stringify(body) });
const fail = (status: number, code: string, message: string) => json(status, { code, message });

/**
 * Plays WeChat Pay's API for the local runtime and tests, through wechatpay-node-v3's pluggable HTTP
 * client: checks each request's merchant signature as WeChat Pay would, keeps Native orders, answers
 * query and close, and signs every 2xx answer. `pay()` is the customer scanning the code and paying.
 */
export class SandboxWechatPay {
  private readonly orders = new Map<string, SandboxOrder>();
  /** every API request received, in order (tests assert, e.g., that no certificate was ever fetched) */
  readonly requests: Array<{ method: string; path: string }> = [];
  private readonly merchantKey;
  private readonly merchantSerial;

  constructor(private readonly opts: SandboxOptions) {
    const cert = new X509Certificate(opts.keys.merchant.cert);
    this.merchantKey = cert.publicKey;
    this.merchantSerial = cert.serialNumber.toUpperCase();
    if (opts.file && existsSync(opts.file)) {
      try {
        for (const o of JSON.parse(readFileSync(opts.file, 'utf8')) as SandboxOrder[]) this.orders.set(o.out_trade_no, o);
      } catch {
        // a damaged sandbox file only loses sandbox orders
      }
    }
  }

  get notifySigner(): SandboxSigner {
    return this.opts.notifySigner === 'platform-cert' ? this.opts.keys.platform : this.opts.keys.publicKey;
  }

  private get responseSigner(): SandboxSigner {
    return this.opts.notifySigner === 'platform-cert' ? this.opts.keys.publicKey : this.opts.keys.platform;
  }

  order(outTradeNo: string): SandboxOrder | undefined {
    const o = this.orders.get(outTradeNo);
    return o ? { ...o } : undefined;
  }

  /** The transport handed to `verifyingHttp`: WeChat Pay's API, in process. */
  readonly transport: Transport = async (req) => {
    this.requests.push({ method: req.method, path: req.url.replace(BASE, '') });
    if (this.requests.length > 500) this.requests.splice(0, this.requests.length - 500);
    const answer = this.handle(req);
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'request-id': randomBytes(8).toString('hex') };
    if (answer.status >= 200 && answer.status < 300) Object.assign(headers, signMessage(answer.body, this.responseSigner, Math.floor(this.opts.now() / 1000)));
    return { status: answer.status, headers, body: answer.body } satisfies RawResponse;
  };

  /** The customer pays: the order becomes SUCCESS and a signed, encrypted notification is returned to deliver. */
  pay(outTradeNo: string): { headers: Record<string, string>; body: string } {
    const o = this.orders.get(outTradeNo);
    if (!o) throw new AppError('orders/not-found');
    const now = this.opts.now();
    if (o.trade_state === 'NOTPAY' || o.trade_state === 'USERPAYING') {
      if (now > o.time_expire) throw new AppError('orders/closed');
      o.trade_state = 'SUCCESS';
      o.transaction_id = `4200${Date.now()}${randomBytes(4).toString('hex')}`.slice(0, 28);
      o.success_time = beijingNow(now);
      o.event_id = `EV-${randomBytes(10).toString('hex')}`;
      this.save();
    }
    if (o.trade_state !== 'SUCCESS') throw new AppError('orders/closed');
    // WeChat Pay re-sends the same event (same id) until it is acknowledged
    return successNotification(this.transaction(o), this.opts.keys.apiV3Key, this.notifySigner, now, { id: o.event_id! });
  }

  transaction(o: SandboxOrder): Record<string, unknown> {
    const paid = o.trade_state === 'SUCCESS';
    return {
      appid: o.appid,
      mchid: o.mchid,
      out_trade_no: o.out_trade_no,
      ...(o.transaction_id ? { transaction_id: o.transaction_id } : {}),
      trade_type: 'NATIVE',
      trade_state: o.trade_state,
      trade_state_desc: paid ? '支付成功' : o.trade_state === 'CLOSED' ? '订单已关闭' : '订单未支付',
      ...(paid ? { bank_type: 'OTHERS', success_time: o.success_time, payer: { openid: 'oSandboxPayer000000000000001' } } : {}),
      amount: { total: o.total, currency: 'CNY', ...(paid ? { payer_total: o.total, payer_currency: 'CNY' } : {}) },
    };
  }

  private save(): void {
    if (!this.opts.file) return;
    const tmp = `${this.opts.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify([...this.orders.values()]), { mode: 0o600 });
    renameSync(tmp, this.opts.file);
  }

  /** WeChat Pay's request authentication: `WECHATPAY2-SHA256-RSA2048 mchid=…,nonce_str=…,timestamp=…,serial_no=…,signature=…`. */
  private authenticated(req: RawRequest, pathAndQuery: string): boolean {
    const auth = req.headers['Authorization'] ?? req.headers['authorization'] ?? '';
    if (!auth.startsWith('WECHATPAY2-SHA256-RSA2048 ')) return false;
    const fields = Object.fromEntries([...auth.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (fields['mchid'] !== this.opts.mchid || fields['serial_no']?.toUpperCase() !== this.merchantSerial) return false;
    const ts = Number(fields['timestamp']);
    // wechatpay-node-v3 stamps requests with the wall clock (not an injectable one), so that is what to compare with
    if (!Number.isInteger(ts) || Math.abs(ts - Math.floor(Date.now() / 1000)) > 300) return false;
    const message = `${req.method}\n${pathAndQuery}\n${fields['timestamp']}\n${fields['nonce_str']}\n${req.body ?? ''}\n`;
    try {
      return verify('RSA-SHA256', Buffer.from(message, 'utf8'), this.merchantKey, Buffer.from(fields['signature'] ?? '', 'base64'));
    } catch {
      return false;
    }
  }

  private handle(req: RawRequest): { status: number; body: string } {
    if (!req.url.startsWith(BASE + '/v3/')) return fail(404, 'NOT_FOUND', 'unknown host or path');
    const url = new URL(req.url);
    if (!this.authenticated(req, url.pathname + url.search)) return fail(401, 'SIGN_ERROR', '签名错误');
    const byNo = /^\/v3\/pay\/transactions\/out-trade-no\/([A-Za-z0-9_\-|*]{6,32})(\/close)?$/.exec(url.pathname);
    if (req.method === 'POST' && url.pathname === '/v3/pay/transactions/native') return this.native(req.body ?? '');
    if (byNo && req.method === 'GET' && !byNo[2]) {
      if (url.searchParams.get('mchid') !== this.opts.mchid) return fail(400, 'PARAM_ERROR', 'mchid');
      const o = this.orders.get(byNo[1]!);
      return o ? json(200, this.transaction(o)) : fail(404, 'ORDER_NOT_EXIST', '订单不存在');
    }
    if (byNo && req.method === 'POST' && byNo[2]) {
      const o = this.orders.get(byNo[1]!);
      if (!o) return fail(404, 'ORDER_NOT_EXIST', '订单不存在');
      if (o.trade_state === 'SUCCESS') return fail(400, 'ORDERPAID', '订单已支付');
      o.trade_state = 'CLOSED';
      this.save();
      return json(204, undefined);
    }
    return fail(404, 'NOT_FOUND', 'unknown path');
  }

  private native(text: string): { status: number; body: string } {
    let p: Record<string, any>;
    try {
      p = JSON.parse(text) as Record<string, any>;
    } catch {
      return fail(400, 'PARAM_ERROR', 'body');
    }
    if (p['appid'] !== this.opts.appid || p['mchid'] !== this.opts.mchid) return fail(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
    const no = p['out_trade_no'];
    const total = p['amount']?.['total'];
    const expire = Date.parse(String(p['time_expire'] ?? ''));
    if (typeof no !== 'string' || !/^[A-Za-z0-9_\-|*]{6,32}$/.test(no)) return fail(400, 'PARAM_ERROR', 'out_trade_no');
    if (!Number.isSafeInteger(total) || total <= 0) return fail(400, 'PARAM_ERROR', 'amount.total');
    if (!Number.isFinite(expire) || typeof p['notify_url'] !== 'string' || typeof p['description'] !== 'string') return fail(400, 'PARAM_ERROR', 'time_expire/notify_url/description');
    const existing = this.orders.get(no);
    if (existing) {
      // WeChat Pay answers a repeated identical order with the same code; anything else is a conflict
      return existing.total === total && existing.trade_state === 'NOTPAY' ? json(200, { code_url: existing.code_url }) : fail(400, 'INVALID_REQUEST', '201 商户订单号重复');
    }
    const order: SandboxOrder = {
      out_trade_no: no,
      appid: p['appid'],
      mchid: p['mchid'],
      description: p['description'],
      total,
      time_expire: expire,
      trade_state: 'NOTPAY',
      code_url: `weixin://wxpay/bizpayurl?pr=${randomBytes(6).toString('base64url')}`,
    };
    this.orders.set(no, order);
    this.save();
    return json(200, { code_url: order.code_url });
  }
}
