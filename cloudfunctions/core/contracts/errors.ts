/** Stable, namespaced error codes. Clients branch on these only; messages are localised at the edge. */
export const ERROR_CODES = [
  'input/invalid',
  'input/malformed',
  'input/too-large',
  'auth/unauthenticated',
  'auth/not-activated',
  'auth/disabled',
  'guest/disabled',
  'registration/disabled',
  'registration/required',
  'registration/pending-approval',
  'registration/account-not-found',
  'registration/confirm-candidate',
  'registration/already-registered',
  'registration/not-pending',
  'registration/method-not-found',
  'registration/rate-limited',
  'auth/rate-limited',
  'auth/mobile-bound-elsewhere',
  'registry/unavailable',
  'access/denied',
  'records/not-found',
  'records/invalid-state',
  'records/rate-limited',
  'guest/confirm-account',
  'function/not-found',
  'licence/exhausted',
  'sms/code-invalid',
  'sms/code-expired',
  'sms/too-many-attempts',
  'sms/rate-limited',
  'roles/immutable',
  'roles/not-found',
  'roles/in-use',
  'roles/builtin',
  'users/not-found',
  'accounts/not-found',
  'contacts/not-found',
  'accounts/duplicate',
  'accounts/merged',
  'accounts/merge-conflict',
  'auth/wechat-bound-elsewhere',
  'auth/oa-code-invalid',
  'wechat/unavailable',
  'activation/no-contact',
  'activation/disabled',
  'pay/invalid-notification',
  'pay/unavailable',
  'orders/not-found',
  'orders/closed',
  'admin/invalid-credentials',
  'admin/locked',
  'admins/not-found',
  'admins/username-taken',
  'admins/last-super-admin',
  'admins/self',
  'conflict/concurrent-update',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status on the local runtime, mirroring the error class (API.md). */
export function httpStatusOf(code: ErrorCode): number {
  if (code === 'internal') return 500;
  // a wrong admin password answers like a missing token: one status whether or not the name exists
  if (code === 'auth/unauthenticated' || code === 'admin/invalid-credentials') return 401;
  if (code === 'input/too-large') return 413;
  if (code.startsWith('input/')) return 400;
  // an OAuth code is input the person's browser brought back: made up, spent, expired or another app's
  if (code === 'auth/oa-code-invalid') return 400;
  // WeChat's own servers unreachable or answering a system error: try again later
  if (code === 'wechat/unavailable') return 503;
  if (code.startsWith('access/') || code === 'auth/not-activated' || code === 'auth/disabled') return 403;
  if (code.endsWith('/not-found') || code === 'registration/account-not-found') return 404;
  // WeChat Pay not configured or not reachable: try again later (payNotify answers it so WeChat retries)
  if (code === 'pay/unavailable') return 503;
  // the business registry is not configured or not reachable
  if (code === 'registry/unavailable') return 503;
  if (code.endsWith('/rate-limited') || code === 'sms/too-many-attempts' || code === 'admin/locked') return 429;
  return 409;
}
