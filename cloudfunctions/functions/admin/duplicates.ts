import { object, optional, string } from '../../core/kernel/schema';
import { requireAdmin } from '../../core/admin/permissions';
import { findDuplicates } from '../../core/accounts/find-duplicates';
import { mergeAccounts, previewMerge } from '../../core/accounts/merge';
import { dismissReview, reviewQueue } from '../../core/accounts/review-queue';
import type { ActionTable } from '../shared/dispatch';
import { asAdmin } from './as-admin';
import { cursor, docId, limit } from './ids';

const pair = () => object({ keepId: docId(), mergeId: docId() });

/**
 * Duplicate Accounts: scored candidates for a name (and code) being typed into the console's Account
 * form, the review queue of possible duplicates, and merging one Account into another.
 */
export const duplicatesActions = {
  'accounts.findDuplicates': asAdmin(object({ name: string({ min: 1, max: 100 }), creditCode: optional(string({ min: 1, max: 30 })) }), async (ctx, admin, input) => {
    requireAdmin(admin, 'accounts.read');
    return findDuplicates(ctx.deps, input.name, input.creditCode);
  }),
  'accounts.reviewQueue': asAdmin(object({ cursor: cursor(), limit: limit() }), (ctx, admin, input) => reviewQueue(ctx.deps, admin, input)),
  'accounts.dismissReview': asAdmin(object({ id: docId() }), (ctx, admin, input) => dismissReview(ctx.deps, admin, input)),
  'accounts.mergePreview': asAdmin(pair(), (ctx, admin, input) => previewMerge(ctx.deps, admin, input)),
  'accounts.merge': asAdmin(pair(), (ctx, admin, input) => mergeAccounts(ctx.deps, admin, input)),
} satisfies ActionTable;
