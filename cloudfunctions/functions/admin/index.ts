import { httpMain } from '../../adapters/cloudbase/handlers';
import { payFromCloud } from '../../adapters/cloudbase/pay-port';
import { adminFunction } from './actions';

/** CloudBase deploy unit, reached by the console through the HTTP access path. */
export const main = httpMain(adminFunction, { pay: ({ secrets }) => payFromCloud(secrets) });
