import { act, fireEvent, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';

import { setLocale } from '../../src/i18n';
import LoginPage from '../../src/pages/login/index';

import { anonymousSession, fail, installFakeBackend, memberSession, ok, type Answer } from './support/fake-backend';
import { byId, renderPage } from './support/render';

const text = (el: Element | null) => el?.textContent?.trim();
const portal = ok({ name: '互联', audience: '企业客户', terms: { version: '2026-11-01', url: 'https://example.com/terms', privacyUrl: 'https://example.com/privacy' } });

let reLaunch: jest.SpyInstance;
let navigateTo: jest.SpyInstance;

beforeEach(() => {
  localStorage.clear();
  setLocale('zh-CN');
  reLaunch = jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' });
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
});

afterEach(() => jest.restoreAllMocks());

async function type(container: HTMLElement, id: string, value: string) {
  // Stencil renders the inner element asynchronously after the host appears.
  const inner = await waitFor(() => {
    const el = byId(container, id)?.querySelector('input');
    if (!el) throw new Error(`#${id} has no input yet`);
    return el;
  });
  fireEvent.input(inner, { target: { value } });
}

async function openLogin() {
  const view = renderPage(<LoginPage />);
  await waitFor(() => expect(byId(view.container, 'login-consent')).not.toBeNull());
  return view.container;
}

/** The seconds the send button says to wait, or 0 when it offers to send. */
const waitShown = (page: HTMLElement) => Number(/^(\d+) 秒后重发$/.exec(text(byId(page, 'login-send-code')) ?? '')?.[1] ?? 0);

const click = (page: HTMLElement, id: string) => act(() => void fireEvent.click(byId(page, id)!));

describe('SMS login page', () => {
  it('given an activated person, when they send a code, agree and submit, then they are logged in and back home as a member', async () => {
    let bound = false;
    const backend = installFakeBackend({
      'auth.login': ok(anonymousSession('sms-login')),
      'auth.me': () => ok(bound ? memberSession : anonymousSession('sms-login')),
      'auth.portal': portal,
      'auth.sendSmsCode': ok({ retryAfterSeconds: 60 }),
      'auth.loginBySms': () => {
        bound = true;
        return ok(memberSession);
      },
    });
    const page = await openLogin();
    expect(text(byId(page, 'login-explanation'))).toContain('已开通账号');

    await type(page, 'login-phone', '13800000006');
    await click(page, 'login-send-code');
    // counting down from the server's retryAfterSeconds (60); the exact second depends on when we look
    await waitFor(() => expect(waitShown(page)).toBeGreaterThan(0));
    expect(waitShown(page)).toBeLessThanOrEqual(60);
    expect(backend.callsTo('auth.sendSmsCode')[0].body.data).toEqual({ phone: '13800000006', purpose: 'login' });
    expect(byId(page, 'login-code-sent')).not.toBeNull();

    await type(page, 'login-code', '123456');
    await click(page, 'login-submit');
    expect(text(byId(page, 'login-error'))).toBe('请先阅读并同意服务条款和隐私政策。');
    expect(backend.callsTo('auth.loginBySms')).toHaveLength(0);

    await click(page, 'login-consent-box');
    await click(page, 'login-submit');
    await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    expect(backend.callsTo('auth.loginBySms')[0].body.data).toEqual({ phone: '13800000006', code: '123456', consent: { agreed: true, termsVersion: '2026-11-01' } });
    // the session was re-read before going home
    expect(backend.callsTo('auth.me').length).toBeGreaterThan(0);
  });

  it('given a stranger phone, when they submit, then the server message says they are not activated', async () => {
    installFakeBackend({
      'auth.login': ok(anonymousSession('sms-login')),
      'auth.portal': portal,
      'auth.sendSmsCode': ok({ retryAfterSeconds: 60 }),
      'auth.loginBySms': fail('auth/not-activated', '您的账号尚未开通，请联系服务商为您开通后再登录。'),
    });
    const page = await openLogin();
    await type(page, 'login-phone', '13712345678');
    await click(page, 'login-send-code');
    await type(page, 'login-code', '000000');
    await click(page, 'login-consent-box');
    await click(page, 'login-submit');
    await waitFor(() => expect(text(byId(page, 'login-error'))).toBe('您的账号尚未开通，请联系服务商为您开通后再登录。'));
    expect(reLaunch).not.toHaveBeenCalled();
  });

  it('given a malformed phone, then nothing is sent; given sms/rate-limited, then the wait it names is counted down', async () => {
    const limited: Answer = { ok: false, error: { code: 'sms/rate-limited', message: '发送过于频繁，请 42 秒后再试。', params: { retryAfterSeconds: 42 } }, status: 429 };
    const backend = installFakeBackend({ 'auth.login': ok(anonymousSession('sms-login')), 'auth.portal': portal, 'auth.sendSmsCode': limited });
    const page = await openLogin();
    await type(page, 'login-phone', '1380000');
    await click(page, 'login-send-code');
    // said next to the phone field, before anything is sent
    expect(text(byId(page, 'login-phone-error'))).toBe('请输入正确的 11 位手机号。');
    expect(backend.callsTo('auth.sendSmsCode')).toHaveLength(0);
    await type(page, 'login-phone', '13800000006');
    await click(page, 'login-send-code');
    await waitFor(() => expect(text(byId(page, 'login-error'))).toBe('发送过于频繁，请 42 秒后再试。'));
    expect(waitShown(page)).toBeGreaterThan(0);
    expect(waitShown(page)).toBeLessThanOrEqual(42);
  });

  it('given self-registration is where this person goes next, then the page links to the registration form', async () => {
    installFakeBackend({ 'auth.login': ok(anonymousSession('register')), 'auth.portal': portal });
    const page = await openLogin();
    await waitFor(() => expect(byId(page, 'login-register')).not.toBeNull());
    await click(page, 'login-register');
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/register/pages/form/index' });
  });

  it('given "not now", then the person leaves the login page', async () => {
    installFakeBackend({ 'auth.login': ok(anonymousSession('sms-login')), 'auth.portal': portal });
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([]);
    const page = await openLogin();
    expect(byId(page, 'login-register')).toBeNull();
    await click(page, 'login-back');
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  it('given English, then the page speaks English', async () => {
    setLocale('en');
    installFakeBackend({ 'auth.login': ok(anonymousSession('sms-login')), 'auth.portal': portal });
    const page = await openLogin();
    expect(text(byId(page, 'login-submit'))).toBe('Sign in');
    expect(text(byId(page, 'login-back'))).toBe('Not now');
  });
});
