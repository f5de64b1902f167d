import type { Schema } from '../../core/kernel/schema';
import type { AdminDoc } from '../../core/kernel/docs';
import { authenticateAdmin } from '../../core/admin/admin-auth';
import { action, type ActionDef, type CallContext } from '../shared/dispatch';

/** Hands the raw `data` on unparsed, so that the admin token is checked before the input. */
const deferred = (input: Schema<unknown>): Schema<unknown> => ({ kind: 'deferred', describe: input.describe, parse: (v) => v });

/**
 * An admin action: the bearer token is verified first — a caller without a valid token gets
 * `auth/unauthenticated` from every action and learns nothing about its input — then the input is
 * validated against `input`, then the use case runs.
 */
export function asAdmin<I>(input: Schema<I>, run: (ctx: CallContext, admin: AdminDoc, input: I) => Promise<unknown>): ActionDef<I> {
  const def = action(deferred(input as Schema<unknown>), async (ctx, raw) => {
    const admin = await authenticateAdmin(ctx.deps, ctx.bearer);
    return run(ctx, admin, input.parse(raw, ''));
  });
  // The router only parses and runs; the parse that yields `I` happens inside, after authentication.
  return def as ActionDef<unknown> as ActionDef<I>;
}
