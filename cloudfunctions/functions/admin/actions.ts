import { int, literal, object, optional, string } from '../../core/kernel/schema';
import { adminLogin, adminView, authenticateAdmin } from '../../core/admin/admin-auth';
import { listUsers } from '../../core/admin/users';
import type { AdminDoc } from '../../core/kernel/docs';
import type { Deps } from '../../core/ports';
import { action, type ActionDef, type CallContext, type FunctionDef } from '../shared/dispatch';
import type { Schema } from '../../core/kernel/schema';

/** Every admin action but `login` runs as an authenticated admin. */
function asAdmin<I>(input: Schema<I>, run: (ctx: CallContext, admin: AdminDoc, input: I) => Promise<unknown>): ActionDef<I> {
  return action(input, async (ctx, parsed) => run(ctx, await authenticateAdmin(ctx.deps, ctx.bearer), parsed));
}

const cursor = () => optional(string({ max: 200 }));

export const adminFunction: FunctionDef = {
  name: 'admin',
  audience: 'admin',
  actions: {
    login: action(object({ username: string({ min: 1, max: 64 }), password: string({ min: 1, max: 200, trim: false }) }), (ctx, input) =>
      adminLogin(ctx.deps, input.username, input.password),
    ),
    me: asAdmin(object({}), async (_ctx, admin) => adminView(admin)),
    'users.list': asAdmin(
      object({ query: optional(string({ max: 64 })), status: optional(literal('active', 'pending', 'disabled')), cursor: cursor(), limit: optional(int({ min: 1, max: 100 })) }),
      (ctx, _admin, input) => listUsers(ctx.deps as Deps, input),
    ),
  },
};
