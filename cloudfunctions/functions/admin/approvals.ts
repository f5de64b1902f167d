import { object, string } from '../../core/kernel/schema';
import { requireAdmin } from '../../core/admin/permissions';
import { approveJoin, rejectJoin } from '../../core/registration/approvals';
import { beforeDecision, tellApproved, tellRejected } from '../../core/notifications/events';
import { AppError } from '../../core/kernel/app-error';
import type { ActionTable } from '../shared/dispatch';
import { asAdmin } from './as-admin';

const userId = () => string({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ });

/** The approval queue of registrants who joined an existing Account by name alone. */
export const approvalsActions = {
  'users.approve': asAdmin(object({ userId: userId() }), async (ctx, admin, input) => {
    requireAdmin(admin, 'users.update');
    const before = await beforeDecision(ctx.deps, input.userId);
    const out = await approveJoin(ctx.deps, admin, input.userId);
    // after the decision is stored: telling the person never undoes or blocks it
    await tellApproved(ctx.deps, before);
    return out;
  }),
  // the reason is shown to the person, who may correct their registration and send it again
  'users.reject': asAdmin(object({ userId: userId(), reason: string({ min: 1, max: 200 }) }), async (ctx, admin, input) => {
    requireAdmin(admin, 'users.update');
    const reason = input.reason.trim();
    if (!reason) throw new AppError('input/invalid', { field: 'reason', reason: 'required' });
    const before = await beforeDecision(ctx.deps, input.userId);
    const out = await rejectJoin(ctx.deps, admin, input.userId, reason);
    await tellRejected(ctx.deps, before, reason, out.removed === true);
    return out;
  }),
} satisfies ActionTable;
