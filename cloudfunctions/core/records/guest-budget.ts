import type { Deps, WechatCaller } from '../ports';
import { AppError } from '../kernel/app-error';
import { takeDailyBudget } from '../sms/limits';
import { wechatBindingId } from '../identity/bindings';

/**
 * Guests share one record, so nothing but a budget stops one of them from filling the Guest Account:
 * per WeChat identity a few a minute and a day, per client IP a day (many people behind one office
 * NAT still fit). Counted atomically before anything is written.
 */
export const GUEST_CREATES_PER_MINUTE = 3;
export const GUEST_CREATES_PER_DAY = 20;
export const GUEST_CREATES_PER_IP_DAY = 200;

export async function spendGuestCreateBudget(deps: Deps, caller: WechatCaller, ip: string | undefined): Promise<void> {
  const now = deps.clock.now();
  const who = wechatBindingId(caller);
  const minute = Math.floor(now / 60_000);
  if (!(await takeDailyBudget(deps, 'guest-create-min', `${who}@${minute}`, GUEST_CREATES_PER_MINUTE))) {
    throw new AppError('records/rate-limited', { retryAfterSeconds: 60 - Math.floor((now % 60_000) / 1000) });
  }
  if (!(await takeDailyBudget(deps, 'guest-create', who, GUEST_CREATES_PER_DAY))) throw new AppError('records/rate-limited', { retryAfterSeconds: 3600 });
  if (ip && !(await takeDailyBudget(deps, 'guest-create-ip', ip, GUEST_CREATES_PER_IP_DAY))) throw new AppError('records/rate-limited', { retryAfterSeconds: 3600 });
}
