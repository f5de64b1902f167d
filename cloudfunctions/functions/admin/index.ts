import { httpMain } from '../../adapters/cloudbase/handlers';
import { payFromCloud } from '../../adapters/cloudbase/pay-port';
import { productionSms } from '../../adapters/cloudbase/production-ports';
import { adminFunction } from './actions';

/** CloudBase deploy unit, reached by the console through the HTTP access path. */
// SMS: manual activation sends each Contact an invitation (loaded on the first send only)
export const main = httpMain(adminFunction, { pay: ({ secrets }) => payFromCloud(secrets), sms: productionSms });
