import { defineFunction } from '../shared/dispatch';
import { sessionActions } from './session';
import { adminsActions } from './admins';
import { usersActions } from './users';
import { rolesActions } from './roles';
import { settingsActions } from './settings';
import { ordersActions } from './orders';
import { activationActions } from './activation';
import { crmActions } from './crm';
import { oversightActions } from './oversight';
import { methodsActions } from './methods';
import { approvalsActions } from './approvals';
import { duplicatesActions } from './duplicates';

/** `admin`: the console's function. One action table per area; every action but `login` needs an admin. */
export const adminFunction = defineFunction('admin', 'admin', {
    ...sessionActions,
    ...adminsActions,
    ...usersActions,
    ...rolesActions,
    ...settingsActions,
    ...ordersActions,
    ...activationActions,
    ...crmActions,
    ...oversightActions,
    ...methodsActions,
    ...approvalsActions,
    ...duplicatesActions,
});
