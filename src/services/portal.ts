/**
 * The Official Account portal (the h5 build opened inside WeChat) — what pages need to know of it
 * without pulling the h5 transport into the weapp bundle.
 */
export const PORTAL_MODE_KEY = 'hulian.oa.portal';

/** True on h5 once the portal's OAuth login is in charge of identity (never on weapp). */
export function isPortalMode(): boolean {
  if (process.env.TARO_ENV !== 'h5') return false;
  try {
    return window.sessionStorage.getItem(PORTAL_MODE_KEY) === '1';
  } catch {
    return false;
  }
}
