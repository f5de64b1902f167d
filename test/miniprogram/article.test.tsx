import { waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';

import { setLocale } from '../../src/i18n';
import ArticlePage from '../../src/pages/article/index';

import { articles, fail, installFakeBackend, memberSession, ok } from './support/fake-backend';
import { byId, renderPage } from './support/render';

const text = (el: Element | null) => el?.textContent?.trim();

function openWith(params: Record<string, string>) {
  // The shim's useRouter reads Current.router; only `params` matters to the page.
  Taro.Current.router = { params, path: '/pages/article/index' } as typeof Taro.Current.router;
  return renderPage(<ArticlePage />).container;
}

beforeEach(() => {
  localStorage.clear();
  setLocale('zh-CN');
});

describe('article page', () => {
  it('given an article id in the route, when the page opens, then it shows that article from records.get', async () => {
    const backend = installFakeBackend({
      'auth.login': ok(memberSession),
      'records.get': (data) => ok(articles.find((a) => a.id === (data as { id: string }).id)),
    });

    const page = openWith({ id: 'art-1' });

    await waitFor(() => expect(text(byId(page, 'article-title'))).toBe('设备保养指南'));
    expect(byId(page, 'article-body')?.textContent).toBe('第一段\n第二段');
    expect(backend.callsTo('records.get')[0].body.data).toEqual({ object: 'article', id: 'art-1' });
  });

  it('given an unknown id, when the page opens, then the server message is shown', async () => {
    installFakeBackend({ 'auth.login': ok(memberSession), 'records.get': fail('records/not-found', '记录不存在', 404) });

    const page = openWith({ id: 'nope' });

    await waitFor(() => expect(text(byId(page, 'article-error'))).toContain('记录不存在'));
    expect(byId(page, 'article-title')).toBeNull();
  });
});
