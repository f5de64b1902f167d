import { wechatOrPortalMain } from '../../adapters/cloudbase/portal-http';
import { authFunction } from './actions';

/** CloudBase deploy unit: trusted identity (mini program context, or a portal token over HTTP) → schema → use case → envelope. */
export const main = wechatOrPortalMain(authFunction);
