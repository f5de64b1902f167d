import type { OaLoginView } from '../contracts/actions';
import type { Deps, OaIdentity, WechatCaller } from '../ports';
import { login, me } from '../identity/login';
import { boundUser } from '../identity/principal';
import { methodForApp } from '../registration/methods';
import { getSettings } from '../settings/settings';
import { openPortalSession } from './session';
import { nameFromWechat } from './wechat-name';

/**
 * Whether a login must learn who the person is (their UnionID) before it may create anything: nobody is
 * bound to this OpenID yet and the app's method would create or register a user. Without the UnionID
 * the Official Account would split a mini program user in two.
 */
async function mustKnowPerson(deps: Deps, caller: WechatCaller): Promise<boolean> {
  const [bound, method, settings] = await Promise.all([boundUser(deps, caller), methodForApp(deps, caller.appid), getSettings(deps)]);
  return !bound && method !== null && settings.self_registration.enabled;
}

const callerOf = (who: OaIdentity): WechatCaller => ({ appid: who.appid, openid: who.openid, ...(who.unionid ? { unionid: who.unionid } : {}) });

/**
 * `auth.loginByOfficialAccount`: the OAuth code is exchanged on the server (the app secret never leaves
 * it), then the person logs in under exactly the mini program's rules (`login`) as `{appid, openid,
 * unionid?}` of the Official Account. A refused code creates nothing; `snsapi_base` finding nobody where
 * the method needs the person answers `next: 'oa-userinfo'` and creates nothing either.
 */
export async function loginByOfficialAccount(deps: Deps, input: { appid: string; code: string }): Promise<OaLoginView> {
  const who = await deps.officialAccount.exchangeCode(input.appid, input.code);
  const caller = callerOf(who);
  if (who.scope === 'snsapi_base' && !who.unionid && (await mustKnowPerson(deps, caller))) {
    return { ...(await me(deps, caller)), next: 'oa-userinfo' };
  }
  const view = await nameFromWechat(deps, caller.appid, await login(deps, caller), who.nickname);
  const session = await openPortalSession(deps, caller, view.user?.kind === 'guest' ? undefined : view.user?.id);
  deps.log('info', 'official account login', { appid: caller.appid, state: view.state });
  return { ...view, ...session };
}
