import type { FunctionDef } from '../shared/dispatch';
import { sessionActions } from './session';
import { usersActions } from './users';

/** `admin`: the console's function. One action table per area; every action but `login` needs an admin. */
export const adminFunction: FunctionDef = {
  name: 'admin',
  audience: 'admin',
  actions: {
    ...sessionActions,
    ...usersActions,
  },
};
