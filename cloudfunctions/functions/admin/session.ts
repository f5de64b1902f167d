import { object, string } from '../../core/kernel/schema';
import { adminLogin, adminView, changeOwnPassword, MIN_ADMIN_PASSWORD } from '../../core/admin/admin-auth';
import { endSession, renewSession } from '../../core/admin/admin-sessions';
import { audit } from '../../core/audit/audit';
import { action, type ActionTable } from '../shared/dispatch';
import { asAdmin } from './as-admin';

/** Passwords are taken as typed: no trimming, and any character. */
export const password = (min = 1) => string({ min, max: 200, trim: false, text: 'any' });

/** Console sign-in and the session: `login` is the one admin action without a token. */
export const sessionActions = {
  login: action(object({ username: string({ min: 1, max: 64 }), password: password() }), (ctx, input) =>
    adminLogin(ctx.deps, input.username, input.password, ctx.ip),
  ),
  me: asAdmin(object({}), async (_ctx, admin) => adminView(admin)),
  logout: asAdmin(object({}), async (ctx, admin, _input, session) => {
    await endSession(ctx.deps, session._id);
    await audit(ctx.deps, { actor: `admin:${admin._id}`, action: 'admin.logout', target: admin._id });
    return { ended: true };
  }),
  renew: asAdmin(object({}), (ctx, _admin, _input, session) => renewSession(ctx.deps, session)),
  'password.change': asAdmin(object({ currentPassword: password(), newPassword: password(MIN_ADMIN_PASSWORD) }), (ctx, admin, input) =>
    changeOwnPassword(ctx.deps, admin, input.currentPassword, input.newPassword, ctx.ip),
  ),
} satisfies ActionTable;
