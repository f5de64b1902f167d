import type { FunctionDef } from './shared/dispatch';
import { authFunction } from './auth/actions';
import { recordsFunction } from './records/actions';
import { adminFunction } from './admin/actions';
import { registrationFunction } from './registration/actions';

/** Every deployed function by name; the local runtime serves all of them in one process. */
export const FUNCTIONS: Record<string, FunctionDef> = {
  auth: authFunction,
  records: recordsFunction,
  registration: registrationFunction,
  admin: adminFunction,
};
