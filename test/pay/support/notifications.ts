import { encryptResource, signMessage, type SandboxSigner } from '../../../cloudfunctions/adapters/wxpay/sandbox';
import { FIXTURE_APIV3_KEY, FIXTURE_APPID, FIXTURE_MCHID } from './fixtures';

export interface Raw {
  headers: Record<string, string>;
  body: string;
}

/** The decrypted transaction WeChat Pay would send for an order, with any field overridden. */
export function transactionFor(outTradeNo: string, amount: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    appid: FIXTURE_APPID,
    mchid: FIXTURE_MCHID,
    out_trade_no: outTradeNo,
    transaction_id: '4200000001202611280000000001',
    trade_type: 'NATIVE',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    bank_type: 'OTHERS',
    success_time: '2026-11-28T12:00:00+08:00',
    payer: { openid: 'oTestPayer' },
    amount: { total: amount, payer_total: amount, currency: 'CNY', payer_currency: 'CNY' },
    ...over,
  };
}

export interface BuildOptions {
  signer: SandboxSigner;
  nowMs: number;
  /** seconds added to the timestamp header */
  skewSeconds?: number;
  associatedData?: string;
  /** the associated_data the body claims (defaults to the one used to encrypt) */
  claimedAssociatedData?: string;
  /** change the ciphertext before signing (e.g. flip the tag) */
  mutateCiphertext?: (raw: Buffer) => Buffer;
  apiV3Key?: string;
  id?: string;
}

/** A notification built piece by piece, so each test can get exactly one piece wrong and sign the rest correctly. */
export function buildNotification(transaction: Record<string, unknown>, o: BuildOptions): Raw {
  const resource = encryptResource(JSON.stringify(transaction), o.apiV3Key ?? FIXTURE_APIV3_KEY, o.associatedData ? { associatedData: o.associatedData } : {});
  if (o.mutateCiphertext) resource.ciphertext = o.mutateCiphertext(Buffer.from(resource.ciphertext, 'base64')).toString('base64');
  if (o.claimedAssociatedData !== undefined) resource.associated_data = o.claimedAssociatedData;
  const body = JSON.stringify({
    id: o.id ?? 'EV-test-0001',
    create_time: '2026-11-28T12:00:01+08:00',
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource,
  });
  return { headers: signMessage(body, o.signer, Math.floor(o.nowMs / 1000) + (o.skewSeconds ?? 0)), body };
}
