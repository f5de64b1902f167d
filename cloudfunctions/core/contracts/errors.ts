/** Stable, namespaced error codes. Clients branch on these only; messages are localised at the edge. */
export const ERROR_CODES = [
  'input/invalid',
  'input/malformed',
  'auth/unauthenticated',
  'auth/not-activated',
  'auth/disabled',
  'guest/disabled',
  'registration/disabled',
  'registration/required',
  'registration/pending-approval',
  'registration/account-not-found',
  'access/denied',
  'records/not-found',
  'function/not-found',
  'licence/exhausted',
  'sms/code-invalid',
  'sms/code-expired',
  'sms/too-many-attempts',
  'sms/rate-limited',
  'roles/immutable',
  'roles/not-found',
  'activation/no-contact',
  'activation/disabled',
  'pay/invalid-notification',
  'admin/invalid-credentials',
  'admin/locked',
  'conflict/concurrent-update',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status on the local runtime, mirroring the error class (API.md). */
export function httpStatusOf(code: ErrorCode): number {
  if (code === 'internal') return 500;
  if (code === 'auth/unauthenticated') return 401;
  if (code.startsWith('input/')) return 400;
  if (code.startsWith('access/') || code === 'auth/not-activated' || code === 'auth/disabled') return 403;
  if (code.endsWith('/not-found') || code === 'registration/account-not-found') return 404;
  if (code.endsWith('/rate-limited') || code === 'sms/too-many-attempts' || code === 'admin/locked') return 429;
  return 409;
}
