import { act, fireEvent, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';

import { setLocale } from '../../src/i18n';
import Index from '../../src/pages/index/index';

import {
  anonymousSession,
  articles,
  fail,
  guestSession,
  installFakeBackend,
  memberSession,
  ok,
} from './support/fake-backend';
import { byId, renderPage } from './support/render';

const text = (el: Element | null) => el?.textContent?.trim();

let navigateTo: jest.SpyInstance;

beforeEach(() => {
  localStorage.clear();
  setLocale('zh-CN');
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  jest.spyOn(Taro, 'setNavigationBarTitle').mockResolvedValue({ errMsg: 'setNavigationBarTitle:ok' });
});

afterEach(() => jest.restoreAllMocks());

async function openHome() {
  const view = renderPage(<Index />);
  // The page is settled once the session is known and the article area left its loading state.
  await waitFor(() => {
    expect(byId(view.container, 'session-loading')).toBeNull();
    expect(byId(view.container, 'articles-loading')).toBeNull();
  });
  return view.container;
}

describe('home page', () => {
  it('given a member session and public articles, when the page opens, then it shows who they are and lists the articles', async () => {
    const backend = installFakeBackend({ 'auth.login': ok(memberSession), 'records.list': ok({ items: articles }) });

    const page = await openHome();

    expect(text(byId(page, 'session-state'))).toBe('member');
    expect(text(byId(page, 'user-name'))).toBe('张三');
    expect(text(byId(page, 'user-id'))).toBe('u-member-1');
    expect(text(byId(page, 'enterprise-name'))).toBe('星辰科技有限公司');
    const items = page.querySelectorAll('.article-item');
    expect(items).toHaveLength(2);
    expect(Array.from(items, (i) => text(i.querySelector('.article-title')))).toEqual(['设备保养指南', '服务时间调整通知']);
    expect(byId(page, 'login-prompt')).toBeNull();
    expect(byId(page, 'login-button')).toBeNull();
    // The list was asked for articles, in the default language, with the dev identity's token.
    expect(backend.callsTo('records.list')[0]).toMatchObject({
      body: { action: 'list', data: { object: 'article' }, locale: 'zh-CN' },
      authorization: 'Bearer token-o-fresh',
    });
  });

  it('given a member, when an article is tapped, then the article page opens for that id', async () => {
    installFakeBackend({ 'auth.login': ok(memberSession), 'records.list': ok({ items: articles }) });
    const page = await openHome();

    fireEvent.click(page.querySelectorAll('.article-item')[1]);

    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/article/index?id=art-2' });
  });

  it('given a guest session, when the page opens, then it shows the guest state, the articles and a login button leading to the login entry', async () => {
    installFakeBackend({ 'auth.login': ok(guestSession), 'records.list': ok({ items: articles }) });
    const page = await openHome();

    expect(text(byId(page, 'session-state'))).toBe('guest');
    expect(page.querySelectorAll('.article-item')).toHaveLength(2);
    expect(byId(page, 'enterprise-name')).toBeNull();
    const login = byId(page, 'login-button');
    expect(text(login)).toBe('登录');

    fireEvent.click(login!);

    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('given an anonymous caller who must register, when the page opens, then a login prompt leads to the registration form', async () => {
    installFakeBackend({
      'auth.login': ok(anonymousSession('register')),
      'records.list': ok({ items: articles }),
    });
    const page = await openHome();

    expect(text(byId(page, 'session-state'))).toBe('anonymous');
    expect(byId(page, 'user-id')).toBeNull();
    expect(byId(page, 'login-prompt')).not.toBeNull();

    fireEvent.click(byId(page, 'login-prompt-go')!);

    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/register/pages/form/index' });
  });

  it('given the login prompt and guests off, when "暂不" is tapped, then the prompt closes and the caller stays anonymous', async () => {
    const backend = installFakeBackend({
      'auth.login': ok(anonymousSession('sms-login')),
      'auth.loginAsGuest': fail('guest/disabled', '访客模式未开启'),
      'records.list': ok({ items: [] }),
    });
    const page = await openHome();
    expect(text(byId(page, 'login-prompt-cancel'))).toBe('暂不');

    fireEvent.click(byId(page, 'login-prompt-cancel')!);

    await waitFor(() => expect(backend.callsTo('auth.loginAsGuest')).toHaveLength(1));
    expect(byId(page, 'login-prompt')).toBeNull();
    expect(text(byId(page, 'session-state'))).toBe('anonymous');
    expect(byId(page, 'articles-empty')).not.toBeNull();
    // The way back to login stays available after declining.
    expect(byId(page, 'login-button')).not.toBeNull();
  });

  it('given the login prompt and guests on, when "暂不" is tapped, then the caller continues as a guest and sees the articles', async () => {
    installFakeBackend({
      'auth.login': ok(anonymousSession('register')),
      'auth.loginAsGuest': ok(guestSession),
      'records.list': ok({ items: articles }),
    });
    const page = await openHome();

    fireEvent.click(byId(page, 'login-prompt-cancel')!);

    await waitFor(() => expect(text(byId(page, 'session-state'))).toBe('guest'));
    expect(byId(page, 'login-prompt')).toBeNull();
    await waitFor(() => expect(page.querySelectorAll('.article-item')).toHaveLength(2));
  });

  it.each([
    ['auth/not-activated', 'sms-login'],
    ['registration/required', 'register'],
  ] as const)(
    'given nothing may be browsed (%s), when the page opens, then it says whom the portal is for and offers "not now"',
    async (code, next) => {
      installFakeBackend({
        'auth.login': ok(anonymousSession(next)),
        'auth.loginAsGuest': fail('guest/disabled', '访客模式未开启'),
        'records.list': fail(code, '你的账号尚未开通'),
      });
      const page = await openHome();

      expect(text(byId(page, 'portal-audience'))).toContain('面向已开通账号的企业客户');
      expect(byId(page, 'articles-error')).toBeNull();
      expect(text(byId(page, 'login-prompt-cancel'))).toBe('暂不');

      fireEvent.click(byId(page, 'login-prompt-cancel')!);

      await waitFor(() => expect(byId(page, 'login-prompt')).toBeNull());
      expect(byId(page, 'portal-intro')).not.toBeNull();
    },
  );

  it('given the article list fails, when the page opens, then the server message is shown and retry asks again', async () => {
    let attempts = 0;
    installFakeBackend({
      'auth.login': ok(memberSession),
      'records.list': () => (++attempts === 1 ? fail('access/denied', '无权查看资讯') : ok({ items: articles })),
    });
    const page = await openHome();

    expect(text(byId(page, 'articles-error'))).toContain('无权查看资讯');

    fireEvent.click(byId(page, 'articles-retry')!);

    await waitFor(() => expect(page.querySelectorAll('.article-item')).toHaveLength(2));
    expect(byId(page, 'articles-error')).toBeNull();
  });

  it('given no public articles, when the page opens, then the empty state is shown', async () => {
    installFakeBackend({ 'auth.login': ok(memberSession), 'records.list': ok({ items: [] }) });
    const page = await openHome();

    expect(text(byId(page, 'articles-empty'))).toBe('暂无资讯');
    expect(page.querySelectorAll('.article-item')).toHaveLength(0);
  });

  it('given the zh-CN UI, when the locale is toggled, then the UI switches to English, the choice persists and calls carry it', async () => {
    const backend = installFakeBackend({
      'auth.login': ok(anonymousSession('register')),
      'records.list': ok({ items: articles }),
    });
    const page = await openHome();
    expect(text(byId(page, 'locale-toggle'))).toBe('English');

    fireEvent.click(byId(page, 'locale-toggle')!);

    await waitFor(() => expect(text(byId(page, 'login-prompt-cancel'))).toBe('Not now'));
    expect(text(byId(page, 'locale-toggle'))).toBe('中文');
    expect(Taro.getStorageSync('hulian.locale')).toBe('en');
    // Server messages are localised, so the list is fetched again in the new language.
    await waitFor(() => expect(backend.callsTo('records.list').at(-1)?.body.locale).toBe('en'));
    await act(async () => undefined);
  });
});
