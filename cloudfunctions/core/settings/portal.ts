import type { PortalView } from '../contracts/actions';
import type { Deps } from '../ports';
import { getSettings } from './settings';

/** `auth.portal`: what the first page says about whom the portal is for, and the terms in force. */
export async function portalInfo(deps: Deps): Promise<PortalView> {
  const s = await getSettings(deps);
  return { name: s.portal.name, audience: s.portal.audience, terms: { version: s.terms.version, url: s.terms.url, privacyUrl: s.terms.privacy_url } };
}
