import type { Schema } from '../../core/kernel/schema';
import type { AdminDoc, AdminSessionDoc } from '../../core/kernel/docs';
import type { AdminPermission } from '../../core/contracts/admin';
import { authenticateSession, touchSession } from '../../core/admin/admin-sessions';
import { requireAdmin } from '../../core/admin/permissions';
import { action, type ActionDef, type CallContext } from '../shared/dispatch';

/** Hands the raw `data` on unparsed, so that the admin token is checked before the input. */
const deferred = (input: Schema<unknown>): Schema<unknown> => ({ kind: 'deferred', describe: input.describe, parse: (v) => v });

/**
 * An admin action: the bearer token (a live session) is verified first — a caller without one gets
 * `auth/unauthenticated` from every action and learns nothing about its input — then `requires`
 * (an admin without it gets `access/denied`, whatever they sent), then the input is validated against
 * `input`, then the use case runs. Only a call that succeeded slides the session
 * forward, so a refused call writes nothing.
 */
export function asAdmin<I>(
  input: Schema<I>,
  run: (ctx: CallContext, admin: AdminDoc, input: I, session: AdminSessionDoc) => Promise<unknown>,
  requires: readonly AdminPermission[] = [],
): ActionDef<I> {
  const def = action(deferred(input as Schema<unknown>), async (ctx, raw) => {
    // The router has checked the token and the access table's permissions (dispatch.ts); it hands them on.
    const { admin, session } = ctx.admin && ctx.adminSession ? { admin: ctx.admin, session: ctx.adminSession } : await authenticateSession(ctx.deps, ctx.bearer);
    requireAdmin(admin, ...requires);
    const out = await run(ctx, admin, input.parse(raw, ''), session);
    await touchSession(ctx.deps, session);
    return out;
  });
  // The router only parses and runs; the parse that yields `I` happens inside, after authentication.
  return def as ActionDef<unknown> as ActionDef<I>;
}
