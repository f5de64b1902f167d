import type { Schema } from '../../core/kernel/schema';
import type { AdminDoc } from '../../core/kernel/docs';
import { authenticateAdmin } from '../../core/admin/admin-auth';
import { action, type ActionDef, type CallContext } from '../shared/dispatch';

/** An admin action: the bearer token is verified before the use case runs. */
export function asAdmin<I>(input: Schema<I>, run: (ctx: CallContext, admin: AdminDoc, input: I) => Promise<unknown>): ActionDef<I> {
  return action(input, async (ctx, parsed) => run(ctx, await authenticateAdmin(ctx.deps, ctx.bearer), parsed));
}
