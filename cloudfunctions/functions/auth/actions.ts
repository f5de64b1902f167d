import { array, empty, literal, object, optional, string } from '../../core/kernel/schema';
import type { Deps } from '../../core/ports';
import type { SessionView } from '../../core/contracts/domain';
import { getSettings } from '../../core/settings/settings';
import { messageTemplatesOf } from '../../core/notifications/templates';
import { acceptSubscriptions } from '../../core/notifications/consent';
import { listNotifications, markNotificationsRead } from '../../core/notifications/inbox';
import { MOBILE_CN } from '../../core/sms/codes';
import { requestSmsCode } from '../../core/sms/send';
import { login, loginAsGuest, me } from '../../core/identity/login';
import { loginBySms, unbindCallerWechat } from '../../core/identity/sms-login';
import { portalInfo } from '../../core/settings/portal';
import { bindPhone } from '../../core/registration/mobile-proof';
import { consent } from '../registration/input';
import { loginByOfficialAccount } from '../../core/official-account/login';
import { endPortalSession, renewPortalSession } from '../../core/official-account/session';
import { jssdkConfig } from '../../core/official-account/jssdk';
import { action, defineFunction, principalOf, requireCaller } from '../shared/dispatch';

const APPID = /^wx[A-Za-z0-9]{6,30}$/;
/** an OAuth code as WeChat issues them; anything else is refused before WeChat is asked */
const OAUTH_CODE = /^[A-Za-z0-9_-]{1,128}$/;
const PAGE_URL = /^https?:\/\/[^\s]+$/;

const templateId = () => string({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ });

/** The session, plus the subscribe-message templates this app sends (consent is asked for these). */
async function withTemplates(deps: Deps, view: SessionView): Promise<SessionView> {
  return { ...view, messageTemplates: messageTemplatesOf(await getSettings(deps)) };
}

/** `auth`: who the mini program's caller is. Identity only ever comes from the trusted context. */
export const authFunction = defineFunction('auth', 'wechat', {
    login: action(empty(), async (ctx) => withTemplates(ctx.deps, await login(ctx.deps, requireCaller(ctx)))),
    me: action(empty(), async (ctx) => withTemplates(ctx.deps, await me(ctx.deps, requireCaller(ctx)))),
    acceptSubscriptions: action(object({ templateIds: array(templateId(), { min: 1, max: 3 }) }), (ctx, input) => acceptSubscriptions(ctx.deps, requireCaller(ctx), input.templateIds)),
    notifications: action(empty(), (ctx) => listNotifications(ctx.deps, requireCaller(ctx), ctx.locale)),
    readNotifications: action(object({ ids: optional(array(string({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ }), { max: 50 })) }), (ctx, input) =>
      markNotificationsRead(ctx.deps, requireCaller(ctx), input.ids),
    ),
    loginAsGuest: action(empty(), (ctx) => loginAsGuest(ctx.deps, requireCaller(ctx))),
    sendSmsCode: action(object({ phone: string({ pattern: MOBILE_CN, max: 11 }), purpose: literal('login', 'bind', 'register') }), (ctx, input) => {
      return requestSmsCode(ctx.deps, requireCaller(ctx), input.phone, input.purpose, ctx.ip);
    }),
    loginBySms: action(
      object({
        phone: string({ pattern: MOBILE_CN, max: 11 }),
        code: string({ pattern: /^\d{6}$/, max: 6 }),
        consent,
      }),
      (ctx, input) => loginBySms(ctx.deps, requireCaller(ctx), input),
    ),
    unbindWechat: action(empty(), (ctx) => unbindCallerWechat(ctx.deps, principalOf(ctx).caller)),
    portal: action(empty(), (ctx) => portalInfo(ctx.deps)),
    bindPhone: action(object({ phoneCode: string({ min: 1, max: 128, pattern: /^[A-Za-z0-9_-]+$/ }), consent }), (ctx, input) =>
      bindPhone(ctx.deps, requireCaller(ctx), input.phoneCode, input.consent, ctx.ip),
    ),
    // The Official Account portal: the code is the only proof, so no bearer is needed (or read).
    loginByOfficialAccount: action(object({ appid: string({ pattern: APPID, max: 32 }), code: string({ pattern: OAUTH_CODE, max: 128 }) }), (ctx, input) =>
      loginByOfficialAccount(ctx.deps, input),
    ),
    renewSession: action(empty(), (ctx) => renewPortalSession(ctx.deps, ctx.bearer)),
    logout: action(empty(), (ctx) => endPortalSession(ctx.deps, ctx.bearer)),
    jssdkConfig: action(object({ url: string({ pattern: PAGE_URL, max: 1024 }) }), (ctx, input) => jssdkConfig(ctx.deps, requireCaller(ctx), input.url)),
  });
