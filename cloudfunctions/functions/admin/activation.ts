import { array, object, optional } from '../../core/kernel/schema';
import { activateAccounts } from '../../core/activation/activate';
import { previewActivation } from '../../core/activation/preview';
import { CONTACTS_PER_ACCOUNT } from '../../core/activation/selection';
import type { ActionTable } from '../shared/dispatch';
import { asAdmin } from './as-admin';
import { docId } from './ids';

const selections = () => array(object({ accountId: docId(), contactIds: optional(array(docId(), { min: 1, max: CONTACTS_PER_ACCOUNT })) }), { min: 1, max: 20 });

/** Manual activation: the wizard previews, then submits. */
export const activationActions = {
  'users.activate': asAdmin(object({ accounts: selections(), roleIds: array(docId(), { min: 1, max: 20 }) }), (ctx, admin, input) =>
    activateAccounts(ctx.deps, admin, input),
  ),
  'users.previewActivation': asAdmin(object({ accounts: selections() }), (ctx, admin, input) => previewActivation(ctx.deps, admin, input.accounts)),
} satisfies ActionTable;
