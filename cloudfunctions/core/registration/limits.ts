import type { Deps } from '../ports';
import { AppError } from '../kernel/app-error';
import { takeDailyBudget } from '../sms/limits';

/**
 * Budgets for the registration look-ups that reveal Account names or cost money (the registry, the
 * WeChat phone exchange): per caller per minute, per caller per day, per IP per day. Counted with the SMS
 * budgets' atomic conditional increments; a minute window is a budget keyed by the minute.
 */
export type LookupKind = 'check-name' | 'search-accounts' | 'search-registry' | 'wechat-phone';

const PER_MINUTE: Record<LookupKind, number> = { 'check-name': 10, 'search-accounts': 10, 'search-registry': 6, 'wechat-phone': 3 };
const PER_DAY: Record<LookupKind, number> = { 'check-name': 100, 'search-accounts': 100, 'search-registry': 40, 'wechat-phone': 10 };
const PER_IP_DAY: Record<LookupKind, number> = { 'check-name': 1000, 'search-accounts': 1000, 'search-registry': 300, 'wechat-phone': 100 };

export async function spendLookupBudget(deps: Deps, kind: LookupKind, callerKey: string, ip: string | undefined, code: 'registration/rate-limited' | 'auth/rate-limited'): Promise<void> {
  const now = deps.clock.now();
  const minute = Math.floor(now / 60_000);
  if (!(await takeDailyBudget(deps, `${kind}-min`, `${callerKey}@${minute}`, PER_MINUTE[kind]))) {
    throw new AppError(code, { retryAfterSeconds: 60 - Math.floor((now % 60_000) / 1000) });
  }
  if (!(await takeDailyBudget(deps, kind, callerKey, PER_DAY[kind]))) throw new AppError(code, { retryAfterSeconds: 3600 });
  if (ip && !(await takeDailyBudget(deps, `${kind}-ip`, ip, PER_IP_DAY[kind]))) throw new AppError(code, { retryAfterSeconds: 3600 });
}
