import { empty, literal, object, string } from '../../core/kernel/schema';
import { MOBILE_CN } from '../../core/sms/codes';
import { requestSmsCode } from '../../core/sms/send';
import { login, loginAsGuest, me } from '../../core/identity/login';
import { action, requireCaller, type FunctionDef } from '../shared/dispatch';

/** `auth`: who the mini program's caller is. Identity only ever comes from the trusted context. */
export const authFunction: FunctionDef = {
  name: 'auth',
  audience: 'wechat',
  actions: {
    login: action(empty(), (ctx) => login(ctx.deps, requireCaller(ctx))),
    me: action(empty(), (ctx) => me(ctx.deps, requireCaller(ctx))),
    loginAsGuest: action(empty(), (ctx) => loginAsGuest(ctx.deps, requireCaller(ctx))),
    sendSmsCode: action(object({ phone: string({ pattern: MOBILE_CN, max: 11 }), purpose: literal('login', 'bind', 'register') }), (ctx, input) => {
      requireCaller(ctx);
      return requestSmsCode(ctx.deps, input.phone, input.purpose, ctx.ip);
    }),
  },
};
