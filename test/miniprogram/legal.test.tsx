import { act, fireEvent, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';

import { setLocale } from '../../src/i18n';
import LoginPage from '../../src/pages/login/index';
import PrivacyPage from '../../src/packages/legal/privacy/index';
import TermsPage from '../../src/packages/legal/terms/index';

import { anonymousSession, installFakeBackend, ok } from './support/fake-backend';
import { byId, renderPage } from './support/render';

const text = (el: Element | null) => el?.textContent?.trim();
const portal = (url: string, privacyUrl: string) =>
  ok({ name: '互联售后门户', audience: '企业客户', terms: { version: '2026-11-01', url, privacyUrl } });

let navigateTo: jest.SpyInstance;

beforeEach(() => {
  localStorage.clear();
  setLocale('zh-CN');
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
});

afterEach(() => jest.restoreAllMocks());

describe('terms and privacy pages', () => {
  it('given a portal with a terms address, when the terms page opens, then it shows the portal name, the version, the default text and the address', async () => {
    installFakeBackend({ 'auth.login': ok(anonymousSession('sms-login')), 'auth.portal': portal('https://example.com/terms', '') });
    const { container } = renderPage(<TermsPage />);
    await waitFor(() => expect(text(byId(container, 'legal-portal'))).toBe('互联售后门户'));
    expect(text(byId(container, 'legal-title'))).toBe('服务条款');
    expect(text(byId(container, 'legal-version'))).toBe('2026-11-01');
    expect(text(byId(container, 'legal-body'))).toContain('使用本门户即表示你同意遵守本条款');
    expect(text(byId(container, 'legal-url'))).toBe('https://example.com/terms');
  });

  it('given no privacy address, when the privacy page opens in English, then it shows the English default text and no link', async () => {
    setLocale('en');
    installFakeBackend({ 'auth.login': ok(anonymousSession('sms-login')), 'auth.portal': portal('https://example.com/terms', '') });
    const { container } = renderPage(<PrivacyPage />);
    await waitFor(() => expect(text(byId(container, 'legal-version'))).toBe('2026-11-01'));
    expect(text(byId(container, 'legal-title'))).toBe('Privacy Policy');
    expect(text(byId(container, 'legal-body'))).toContain('We do not sell it');
    expect(byId(container, 'legal-url')).toBeNull();
  });

  it('given the login page, when the terms and privacy links are tapped, then they open the legal pages', async () => {
    installFakeBackend({
      'auth.login': ok(anonymousSession('sms-login')),
      'auth.me': ok(anonymousSession('sms-login')),
      'auth.portal': portal('', ''),
    });
    const { container } = renderPage(<LoginPage />);
    await waitFor(() => expect(byId(container, 'login-consent-terms')).not.toBeNull());
    act(() => void fireEvent.click(byId(container, 'login-consent-terms')!));
    act(() => void fireEvent.click(byId(container, 'login-consent-privacy')!));
    expect(navigateTo.mock.calls.map(([o]) => (o as { url: string }).url)).toEqual([
      '/packages/legal/terms/index',
      '/packages/legal/privacy/index',
    ]);
  });
});
