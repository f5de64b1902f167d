import type { Transport } from './types';

export type { Transport } from './types';

/**
 * Picks the transport for the build target. `process.env.TARO_ENV` is replaced by a literal at
 * build time, so webpack drops the dead branch together with its `require`: the weapp bundle never
 * contains the h5 dev-identity code, and h5 never touches Taro.cloud (undefined there).
 */
export function platformTransport(): Transport {
  // A conditional expression (not `if … return`): webpack prunes only the untaken branch of a
  // constant condition, and code after an early return would still be bundled.
  return process.env.TARO_ENV === 'h5'
    ? (require('./h5') as typeof import('./h5')).h5Transport
    : (require('./weapp') as typeof import('./weapp')).weappTransport;
}
