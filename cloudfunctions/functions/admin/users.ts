import { int, literal, object, optional, string } from '../../core/kernel/schema';
import { listUsers } from '../../core/admin/users';
import type { ActionTable } from '../shared/dispatch';
import { asAdmin } from './as-admin';

const cursor = () => optional(string({ max: 200 }));

/** Terminal users in the console. */
export const usersActions: ActionTable = {
  'users.list': asAdmin(
    object({ query: optional(string({ max: 64 })), status: optional(literal('active', 'pending', 'disabled')), cursor: cursor(), limit: optional(int({ min: 1, max: 100 })) }),
    (ctx, _admin, input) => listUsers(ctx.deps, input),
  ),
};
