import { setLocale } from '../../src/i18n';
import { CallError, createClient } from '../../src/services/client';
import type { Transport } from '../../src/services/transport';
import { appidFromUrl, h5Transport, openidFromUrl } from '../../src/services/transport/h5';

import { installFakeBackend, memberSession, ok } from './support/fake-backend';

beforeEach(() => {
  localStorage.clear();
  setLocale('zh-CN');
  window.history.replaceState(null, '', '/');
});

describe('client', () => {
  it('given an ok:false envelope, when an action is called, then it throws a CallError carrying code, message, params and requestId', async () => {
    const transport: Transport = async () => ({
      ok: false,
      error: { code: 'auth/not-activated', message: '账号未开通', params: { appid: 'wx1' }, requestId: 'req-9' },
    });
    const { call } = createClient(transport);

    const error = await call('auth', 'login', {}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CallError);
    expect(error).toMatchObject({ code: 'auth/not-activated', message: '账号未开通', params: { appid: 'wx1' }, requestId: 'req-9' });
  });

  it('given an ok envelope, when an action is called, then it resolves with data and sent {action, data, locale} to that function', async () => {
    const sent: unknown[] = [];
    const transport: Transport = async (fn, body) => {
      sent.push([fn, body]);
      return { ok: true, data: memberSession };
    };
    const { call } = createClient(transport, () => 'en');

    await expect(call('auth', 'me', {})).resolves.toEqual(memberSession);
    expect(sent).toEqual([['auth', { action: 'me', data: {}, locale: 'en' }]]);
  });

  it('given the transport fails or answers garbage, when an action is called, then it throws transport/failed with a localised message', async () => {
    const offline = createClient(async () => {
      throw new Error('socket hang up');
    });
    const garbage = createClient(async () => '<html>502</html>');

    await expect(offline.call('auth', 'me', {})).rejects.toMatchObject({ code: 'transport/failed', message: '网络异常，请稍后重试' });
    await expect(garbage.call('auth', 'me', {})).rejects.toMatchObject({ code: 'transport/failed' });
  });
});

describe('h5 transport', () => {
  it('given no stored token, when a function is called, then it asks the dev simulator for an identity, stores it and sends it as Bearer', async () => {
    const backend = installFakeBackend({ 'auth.me': ok(memberSession) }, 'o-new');

    await h5Transport('auth', { action: 'me', data: {} });
    await h5Transport('auth', { action: 'me', data: {} });

    expect(backend.calls.filter((c) => c.url === '/api/dev/wechat/session')).toHaveLength(1);
    expect(localStorage.getItem('hulian.token')).toBe('token-o-new');
    expect(backend.callsTo('auth.me').map((c) => c.authorization)).toEqual(['Bearer token-o-new', 'Bearer token-o-new']);
  });

  it('given ?openid= inside the hash, when a function is called, then that identity is requested instead of the stored one', async () => {
    localStorage.setItem('hulian.token', 'token-old');
    localStorage.setItem('hulian.openid', 'o-old');
    window.history.replaceState(null, '', '/#/pages/index/index?from=e2e&openid=o-e2e');
    const backend = installFakeBackend({ 'auth.login': ok(memberSession) });

    await h5Transport('auth', { action: 'login', data: {} });

    expect(backend.calls[0]).toMatchObject({ url: '/api/dev/wechat/session', body: { openid: 'o-e2e' } });
    expect(backend.callsTo('auth.login')[0].authorization).toBe('Bearer token-o-e2e');
  });

  it('given a rejected token (401), when a function is called, then it renews the identity for the same OpenID and retries once', async () => {
    localStorage.setItem('hulian.token', 'token-expired');
    localStorage.setItem('hulian.openid', 'o-keep');
    let first = true;
    const backend = installFakeBackend({
      'auth.me': () => {
        if (!first) return ok(memberSession);
        first = false;
        return { ok: false, error: { code: 'auth/unauthenticated', message: '请重新登录' }, status: 401 };
      },
    });

    await expect(h5Transport('auth', { action: 'me', data: {} })).resolves.toEqual({ ok: true, data: memberSession });
    expect(backend.calls.find((c) => c.url === '/api/dev/wechat/session')?.body).toEqual({ openid: 'o-keep' });
  });

  it.each([
    ['http://h/?openid=a1#/pages/index/index', 'a1'],
    ['http://h/#/pages/index/index?x=1&openid=o%2Fb', 'o/b'],
    ['http://h/#/pages/index/index', undefined],
  ])('given the URL %s, when parsed, then the requested OpenID is %s', (href, expected) => {
    expect(openidFromUrl(href)).toBe(expected);
  });

  it('given ?appid= in the URL, when a function is called, then an identity under that app is requested, and kept while the URL names it', async () => {
    localStorage.setItem('hulian.token', 'token-old');
    localStorage.setItem('hulian.openid', 'o-old');
    localStorage.setItem('hulian.appid', 'wxdemo0000000001');
    window.history.replaceState(null, '', '/?appid=wxdemo0000000002#/pages/index/index');
    const backend = installFakeBackend({ 'auth.me': ok(memberSession) });

    await h5Transport('auth', { action: 'me', data: {} });
    await h5Transport('auth', { action: 'me', data: {} });

    const sessions = backend.calls.filter((c) => c.url === '/api/dev/wechat/session');
    expect(sessions.map((c) => c.body)).toEqual([{ appid: 'wxdemo0000000002' }]);
    expect(appidFromUrl(window.location.href)).toBe('wxdemo0000000002');
    window.history.replaceState(null, '', '/');
  });
});
