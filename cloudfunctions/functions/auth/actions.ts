import { empty } from '../../core/kernel/schema';
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
  },
};
