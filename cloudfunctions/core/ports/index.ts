import type { Clock } from './clock';
import type { Crypto } from './crypto';
import type { Store } from './store';

export * from './store';
export type { Clock } from './clock';
export type { Crypto } from './crypto';
export type { WechatCaller } from './identity';

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
  log: (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;
}
