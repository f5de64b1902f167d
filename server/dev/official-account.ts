import { randomBytes } from 'node:crypto';
import type { OfficialAccountApi } from '../../cloudfunctions/core/ports';
import { officialAccountApi } from '../../cloudfunctions/adapters/wechat/oa-http';
import { oaAppFromEnv, officialAccountFromEnv } from '../../cloudfunctions/adapters/wechat/oa-config';
import { oaStandIn, type OaStandIn } from '../../cloudfunctions/adapters/wechat/oa-standin';

/**
 * The Official Account the local runtime serves: the real one when WECHAT_OA_APPID/SECRET are set,
 * otherwise the stand-in playing WeChat for the dev Official Account. Either way the same production
 * adapter speaks WeChat's protocol; only where its requests land differs.
 */
export function localOfficialAccount(env: NodeJS.ProcessEnv, devOaAppId: string): { api: OfficialAccountApi; standIn: OaStandIn | null } {
  if (oaAppFromEnv(env)) return { api: officialAccountFromEnv(env), standIn: null };
  // a fresh secret each start: only this process's adapter knows it, as only the server knows the real one
  const app = { appid: devOaAppId, secret: randomBytes(16).toString('hex') };
  const standIn = oaStandIn({ apps: [app] });
  return { api: officialAccountApi({ apps: [app], http: standIn.http }), standIn };
}
