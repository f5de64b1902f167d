import type { Deps, ExpiringValue } from '../ports';
import { WechatTokenExpiredError } from '../ports';
import type { WechatCredentialDoc } from '../kernel/docs';
import { isoNow } from '../kernel/time';

/** refresh this long before WeChat's expiry, so a credential handed out is still good when used */
const MARGIN_MS = 5 * 60_000;
const RECHECK_MS = 60_000;

const accessTokenId = (appid: string) => `access_token:${appid}`;
const ticketId = (appid: string) => `jsapi_ticket:${appid}`;

/**
 * One shared copy per credential in the store, so every function instance uses the same access_token
 * and jsapi_ticket (WeChat caps how often they may be fetched) and refreshes it only when it runs out.
 */
async function cached(deps: Deps, id: string, fetch: () => Promise<ExpiringValue>): Promise<string> {
  const doc = await deps.store.get<WechatCredentialDoc>('wechat_credentials', id);
  const now = deps.clock.now();
  // inside the margin WeChat may still hand back the same value: ask at most once a minute until it expires
  if (doc && (doc.expires_at - MARGIN_MS > now || (doc.expires_at > now && doc.checked_at + RECHECK_MS > now))) return doc.value;
  const fresh = await fetch();
  const stored: WechatCredentialDoc = { _id: id, value: fresh.value, expires_at: now + fresh.expiresInSeconds * 1000, checked_at: now, fetched_at: isoNow(deps.clock) };
  await deps.store.set('wechat_credentials', stored);
  return fresh.value;
}

/** The Official Account's access_token: the one place every use of it comes from. */
export function accessToken(deps: Deps, appid: string): Promise<string> {
  return cached(deps, accessTokenId(appid), () => deps.officialAccount.fetchAccessToken(appid));
}

/** The jsapi_ticket; when WeChat says the access_token behind it is stale, that token is refreshed once. */
export async function jsapiTicket(deps: Deps, appid: string): Promise<string> {
  return cached(deps, ticketId(appid), async () => {
    const token = await accessToken(deps, appid);
    try {
      return await deps.officialAccount.fetchJsapiTicket(appid, token);
    } catch (e) {
      if (!(e instanceof WechatTokenExpiredError)) throw e;
      // forget only the token WeChat refused: another instance may already have stored a newer one
      await deps.store.remove('wechat_credentials', accessTokenId(appid), { value: token });
      return deps.officialAccount.fetchJsapiTicket(appid, await accessToken(deps, appid));
    }
  });
}
