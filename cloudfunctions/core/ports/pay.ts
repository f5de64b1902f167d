/**
 * WeChat Pay, as core needs it: place a Native order, query and close it, and open a payment
 * notification. The adapter (`adapters/wxpay`) owns every byte of cryptography — request signing,
 * response and notification signatures, the AES-256-GCM resource — so core only ever sees a
 * transaction that WeChat Pay provably sent. Core then checks it against the stored order.
 */

/** Who orders are placed as. Stored on each order; a notification must name the same pair. */
export interface PayMerchant {
  mchid: string;
  appid: string;
}

/** `sandbox`: the local runtime plays WeChat Pay (the console offers "simulate payment"). */
export type PayMode = 'production' | 'sandbox';

export interface NativeOrderRequest {
  outTradeNo: string;
  description: string;
  /** total in fen (CNY) */
  amountFen: number;
  /** ISO 8601; WeChat Pay refuses payment after it */
  expiresAt: string;
}

/** WeChat Pay's `trade_state`. */
export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';

/** A transaction as WeChat Pay described it, after its signature (and encryption) were checked. */
export interface PayTransaction {
  mchid: string;
  appid: string;
  outTradeNo: string;
  transactionId?: string;
  tradeState: TradeState;
  /** `amount.total` in fen */
  amountTotal: number;
  currency: string;
  successTime?: string;
}

export interface PayNotification {
  /** WeChat Pay's notification id (the same on every retry of one event) */
  id: string;
  eventType: string;
  /** the decrypted transaction, when the event carries one */
  transaction: PayTransaction | null;
}

export interface PayGateway {
  readonly mode: PayMode;
  /** the configured merchant; `pay/unavailable` when WeChat Pay is not configured */
  merchant(): PayMerchant;
  /** a Native (QR code) order; `pay/unavailable` when WeChat Pay refuses or cannot be reached */
  createNativeOrder(req: NativeOrderRequest): Promise<{ codeUrl: string }>;
  /** the order as WeChat Pay knows it; null when it does not know it at all */
  queryOrder(outTradeNo: string): Promise<PayTransaction | null>;
  /** closes an unpaid order; `already-paid` when WeChat Pay answers that it was paid */
  closeOrder(outTradeNo: string): Promise<'closed' | 'already-paid'>;
  /**
   * Verifies a notification (signature over the raw body by the key `Wechatpay-Serial` names, timestamp
   * window, AES-256-GCM tag) and decrypts it. `pay/invalid-notification` with a `reason` otherwise.
   */
  openNotification(req: { headers: Record<string, string | undefined>; body: string }): Promise<PayNotification>;
}
