import { wechatOrPortalMain } from '../../adapters/cloudbase/portal-http';
import { productionSms } from '../../adapters/cloudbase/production-ports';
import { authFunction } from './actions';

/** CloudBase deploy unit: trusted identity (mini program context, or a portal token over HTTP) → schema → use case → envelope. */
export const main = wechatOrPortalMain(authFunction, { sms: productionSms });
