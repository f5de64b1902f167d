import { object, optional, string } from '../../core/kernel/schema';
import { requireAdmin } from '../../core/admin/permissions';
import { approveJoin, rejectJoin } from '../../core/registration/approvals';
import type { ActionTable } from '../shared/dispatch';
import { asAdmin } from './as-admin';

const userId = () => string({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ });

/** The approval queue of registrants who joined an existing Account by name alone. */
export const approvalsActions: ActionTable = {
  'users.approve': asAdmin(object({ userId: userId() }), async (ctx, admin, input) => {
    requireAdmin(admin, 'users.update');
    return approveJoin(ctx.deps, admin, input.userId);
  }),
  'users.reject': asAdmin(object({ userId: userId(), reason: optional(string({ min: 1, max: 200 })) }), async (ctx, admin, input) => {
    requireAdmin(admin, 'users.update');
    return rejectJoin(ctx.deps, admin, input.userId, input.reason);
  }),
};
