import { authorizeUrl, inWechatBrowser, oauthReturnOf, OA_APPID, stateMatches } from '../../src/services/transport/oa-portal';

/** The portal's OAuth helpers: what goes to WeChat's authorize page and what is accepted back. */
describe('Official Account portal OAuth', () => {
  it('given the return from WeChat, then code and state are read from the query (not the hash route), and nothing else is', () => {
    expect(oauthReturnOf('?code=abc123&state=s1&openid=oForged')).toEqual({ code: 'abc123', state: 's1' });
    expect(oauthReturnOf('?openid=oDemoZhangWei001')).toBeNull();
    expect(oauthReturnOf('?code=abc123')).toBeNull();
    // the consent page refused: WeChat comes back with the state alone
    expect(oauthReturnOf('?state=s2')).toEqual({ declined: true, state: 's2' });
    expect(oauthReturnOf('')).toBeNull();
  });

  it('given a state, then it matches only the one this browser session sent, and never an empty or short one', () => {
    const sent = '0123456789abcdef0123456789abcdef';
    expect(stateMatches(sent, sent)).toBe(true);
    expect(stateMatches(sent, 'forged')).toBe(false);
    expect(stateMatches(null, sent)).toBe(false);
    expect(stateMatches('', '')).toBe(false);
    expect(stateMatches('short', 'short')).toBe(false);
  });

  it('given a scope and state, then the authorize URL carries appid, redirect_uri, response_type=code, scope and state, ending in #wechat_redirect', () => {
    const url = authorizeUrl('snsapi_base', 'st', 'https://portal.example.com/');
    const [path, hash] = url.split('#');
    expect(hash).toBe('wechat_redirect');
    const q = new URL(path!, 'http://localhost').searchParams;
    expect(Object.fromEntries(q)).toEqual({ appid: OA_APPID, redirect_uri: 'https://portal.example.com/', response_type: 'code', scope: 'snsapi_base', state: 'st' });
  });

  it('given user agents, then only WeChat\'s own browser counts as the portal (not the mini program web-view, not a desktop browser)', () => {
    expect(inWechatBrowser('Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.47 NetType/WIFI')).toBe(true);
    expect(inWechatBrowser('Mozilla/5.0 (iPhone) MicroMessenger/8.0.47 miniProgram/wx123')).toBe(false);
    expect(inWechatBrowser('Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0')).toBe(false);
  });
});
