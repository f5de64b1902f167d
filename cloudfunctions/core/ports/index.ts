import type { Clock } from './clock';
import type { Crypto } from './crypto';
import type { Store } from './store';
import type { SmsSender } from './sms';
import type { WechatApi } from './wechat';
import type { PayGateway } from './pay';
import type { CompanyRegistry } from './registry';
import type { OfficialAccountApi } from './official-account';

export * from './store';
export type { Clock } from './clock';
export type { Crypto } from './crypto';
export type { WechatCaller } from './identity';
export type { SmsSender } from './sms';
export type { SubscribeMessage, WechatApi, WechatPhoneNumber } from './wechat';
export type { CompanyRegistry, RegistryCompany, RegistryStatus } from './registry';
export type { ExpiringValue, OaIdentity, OfficialAccountApi } from './official-account';
export { WechatTokenExpiredError } from './official-account';
export type { NativeOrderRequest, PayGateway, PayMerchant, PayMode, PayNotification, PayTransaction, TradeState } from './pay';

/** In-process caches of rarely-changing documents (settings, roles); invalidated on local writes. */
export interface Cache {
  get<T>(key: string): T | undefined;
  set<T>(key: string, value: T): void;
  invalidate(prefix?: string): void;
}

/** Everything a use case may touch. Built by the runtime (local server or CloudBase function). */
export interface Deps {
  store: Store;
  clock: Clock;
  crypto: Crypto;
  cache: Cache;
  sms: SmsSender;
  wechat: WechatApi;
  /** WeChat Pay (licence purchases): the wxpay adapter, or its local sandbox */
  pay: PayGateway;
  /** the business registry (the `registry` new-Account rule): bundled sample locally, HTTP in production */
  registry: CompanyRegistry;
  /** the Official Account's OAuth and JS-SDK credentials: WeChat's endpoints, or the local stand-in */
  officialAccount: OfficialAccountApi;
  log: (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;
}
