import { httpMain } from '../../adapters/cloudbase/handlers';
import { adminFunction } from './actions';

/** CloudBase deploy unit, reached by the console through the HTTP access path. */
export const main = httpMain(adminFunction);
