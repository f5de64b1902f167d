import type { JssdkConfigView } from '../contracts/actions';
import type { Deps, WechatCaller } from '../ports';
import { AppError } from '../kernel/app-error';
import { jsapiTicket } from './tokens';

/**
 * `auth.jssdkConfig`: what the portal page passes to `wx.config`. WeChat's rule: signature = sha1 of
 * `jsapi_ticket=…&noncestr=…&timestamp=…&url=…`, keys in ASCII order, the URL exactly as the page's
 * without its `#` fragment. Only a caller who came in through one of our Official Accounts gets one.
 */
export async function jssdkConfig(deps: Deps, caller: WechatCaller, pageUrl: string): Promise<JssdkConfigView> {
  if (!deps.officialAccount.appids().includes(caller.appid)) throw new AppError('access/denied', { reason: 'not-official-account' });
  const url = pageUrl.split('#')[0];
  const ticket = await jsapiTicket(deps, caller.appid);
  const nonceStr = deps.crypto.randomId('n').replace(/[^A-Za-z0-9]/g, '').slice(-16);
  const timestamp = Math.floor(deps.clock.now() / 1000);
  const signature = deps.crypto.sha1Hex(`jsapi_ticket=${ticket}&noncestr=${nonceStr}&timestamp=${timestamp}&url=${url}`);
  return { appId: caller.appid, timestamp, nonceStr, signature };
}
