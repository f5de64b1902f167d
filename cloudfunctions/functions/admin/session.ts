import { object, string } from '../../core/kernel/schema';
import { adminLogin, adminView } from '../../core/admin/admin-auth';
import { action, type ActionTable } from '../shared/dispatch';
import { asAdmin } from './as-admin';

/** Console sign-in: `login` is the one admin action without a token. */
export const sessionActions: ActionTable = {
  login: action(object({ username: string({ min: 1, max: 64 }), password: string({ min: 1, max: 200, trim: false }) }), (ctx, input) =>
    adminLogin(ctx.deps, input.username, input.password),
  ),
  me: asAdmin(object({}), async (_ctx, admin) => adminView(admin)),
};
