import Taro from '@tarojs/taro';

import type { Transport } from './types';

let initialised = false;

/** Taro.cloud is wx.cloud; it must be initialised once before the first call. */
function cloud(): typeof Taro.cloud {
  const c = Taro.cloud;
  // Absent in h5 and on very old base libraries; fail loudly instead of "cannot read callFunction".
  if (!c) throw new Error('Taro.cloud is not available on this platform');
  if (!initialised) {
    // The env id is injected at build time (TARO_APP_CLOUD_ENV); empty means the default environment.
    c.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true });
    initialised = true;
  }
  return c;
}

/** WeChat passes the caller's OpenID to the function itself, so no token travels with the body. */
export const weappTransport: Transport = async (name, body) => {
  const res = await cloud().callFunction({ name, data: { ...body } });
  return res.result;
};
