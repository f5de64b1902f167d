import type { PayGateway } from '../../core/ports';
import { AppError } from '../../core/kernel/app-error';

/**
 * WeChat Pay when its environment variables are missing: every call refuses with `pay/unavailable`
 * (503), so the rest of the product works and a notification is answered with a 5xx that WeChat Pay
 * retries once the merchant is configured. Which variables are missing is logged by whoever built it.
 */
export function unconfiguredPay(): PayGateway {
  const refuse = (): never => {
    throw new AppError('pay/unavailable');
  };
  return {
    mode: 'production',
    merchant: refuse,
    createNativeOrder: async () => refuse(),
    queryOrder: async () => refuse(),
    closeOrder: async () => refuse(),
    openNotification: async () => refuse(),
  };
}
