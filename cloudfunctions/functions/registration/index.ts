import { wechatMain } from '../../adapters/cloudbase/handlers';
import { registryFromEnvPort } from '../../adapters/cloudbase/registry-port';
import { registrationFunction } from './actions';

/** CloudBase deploy unit: trusted identity → schema → use case → envelope. */
export const main = wechatMain(registrationFunction, { registry: registryFromEnvPort });
