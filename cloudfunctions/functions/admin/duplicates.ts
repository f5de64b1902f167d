import { object, optional, string } from '../../core/kernel/schema';
import { requireAdmin } from '../../core/admin/permissions';
import { findDuplicates } from '../../core/accounts/find-duplicates';
import type { ActionTable } from '../shared/dispatch';
import { asAdmin } from './as-admin';

/** Scored duplicate candidates for a name (and code) being typed into the console's Account form. */
export const duplicatesActions = {
  'accounts.findDuplicates': asAdmin(object({ name: string({ min: 1, max: 100 }), creditCode: optional(string({ min: 1, max: 30 })) }), async (ctx, admin, input) => {
    requireAdmin(admin, 'accounts.read');
    return findDuplicates(ctx.deps, input.name, input.creditCode);
  }),
} satisfies ActionTable;
