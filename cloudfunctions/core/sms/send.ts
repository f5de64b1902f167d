import type { Deps } from '../ports';
import { sendSmsCode, type SmsPurpose, type SmsRequester } from './codes';
import { isContactMobile } from './recipients';

/**
 * `auth.sendSmsCode`: a login code is only delivered to a Contact's mobile; a bind or register code to any
 * valid mobile. The answer is identical either way. The code can only be spent by `requester`.
 */
export async function requestSmsCode(deps: Deps, requester: SmsRequester, phone: string, purpose: SmsPurpose, ip?: string): Promise<{ retryAfterSeconds: number }> {
  const deliver = purpose === 'login' ? await isContactMobile(deps, phone) : true;
  return sendSmsCode(deps, { phone, purpose, requester, ip, deliver });
}
