import type { Deps } from '../ports';
import { sendSmsCode, type SmsPurpose } from './codes';
import { isActivatedMobile } from './recipients';

/**
 * `auth.sendSmsCode`: a login code is only delivered to an activated user's mobile; a bind or register
 * code to any valid mobile. The answer is identical either way.
 */
export async function requestSmsCode(deps: Deps, phone: string, purpose: SmsPurpose, ip?: string): Promise<{ retryAfterSeconds: number }> {
  const deliver = purpose === 'login' ? await isActivatedMobile(deps, phone) : true;
  return sendSmsCode(deps, { phone, purpose, ip, deliver });
}
