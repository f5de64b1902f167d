import { fireEvent, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';

import { setLocale } from '../../../src/i18n';
import RegisterFormPage from '../../../src/packages/register/pages/form/index';
import type { RegistrationForm, SessionView } from '../../../src/services/contracts';
import { anonymousSession, installFakeBackend, ok, type Answer } from './fake-backend';
import { byId, renderPage } from './render';

/** What the registration page suites share: the form a method serves, a fake backend, and the steps of filling it in. */
export const text = (el: Element | null) => el?.textContent?.trim();

export const FORM: RegistrationForm = {
  methodId: 'mth_1',
  mode: 'form',
  accountRule: 'user-defined',
  duplicateCheck: 'fuzzy',
  showOnlyRequired: false,
  fields: {
    account: [
      { name: 'name', label: '公司名称', type: 'text', required: true, maxLength: 100 },
      { name: 'industry', label: '行业', type: 'select', required: true, options: [{ value: 'mfg', label: '制造' }, { value: 'it', label: '信息技术' }] },
      { name: 'founded', label: '成立日期', type: 'date', required: false },
      { name: 'address', label: '公司地址', type: 'textarea', required: false },
    ],
    contact: [
      { name: 'name', label: '姓名', type: 'text', required: true },
      { name: 'mobile1', label: '手机号', type: 'phone', required: true, maxLength: 11 },
    ],
  },
  terms: { version: '2026-11-01', url: 'https://example.com/terms', privacyUrl: 'https://example.com/privacy' },
};

export const memberResult = { state: 'member', user: { id: 'usr_1' }, account: { id: 'acc_1', name: '杭州星辰科技有限公司', matched: 'new' }, pendingApproval: false };

let reLaunch: jest.SpyInstance | undefined;

/** The spy on `Taro.reLaunch` of the current test (set by the hooks below). */
export const reLaunchSpy = (): jest.SpyInstance => {
  if (!reLaunch) throw new Error('installRegisterPageHooks() was not called');
  return reLaunch;
};

/** Fresh locale, router and Taro spies around every test of a registration-page suite. */
export function installRegisterPageHooks(): void {
  beforeEach(() => {
    localStorage.clear();
    setLocale('zh-CN');
    Taro.Current.router = { params: {}, path: '/' } as typeof Taro.Current.router;
    jest.spyOn(Taro, 'setNavigationBarTitle').mockResolvedValue({ errMsg: 'setNavigationBarTitle:ok' });
    reLaunch = jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' });
  });
  afterEach(() => jest.restoreAllMocks());
}

export function backend(routes: Record<string, Answer | ((data: unknown) => Answer)>, session: SessionView = anonymousSession('register')) {
  const b = installFakeBackend({ 'auth.login': ok(session), 'auth.me': ok(session), 'registration.getForm': ok(FORM), 'registration.checkAccountName': ok({ match: 'none' }), ...routes });
  // The h5 build's WeChat phone button asks the runtime's dev simulator for a code.
  const inner = globalThis.fetch as unknown as (url: string, init: { body: string; headers: Record<string, string> }) => Promise<unknown>;
  const phoneCodes: string[] = [];
  (globalThis as { fetch?: unknown }).fetch = jest.fn(async (url: string, init: { body: string; headers: Record<string, string> }) => {
    if (url !== '/api/dev/wechat/phone-code') return inner(url, init);
    phoneCodes.push(JSON.parse(init.body).phone);
    const body = JSON.stringify({ ok: true, data: { code: 'wx-code-1' } });
    return { status: 200, text: async () => body, json: async () => JSON.parse(body) };
  });
  return { ...b, phoneCodes };
}

export async function open() {
  const view = renderPage(<RegisterFormPage />);
  await waitFor(() => expect(byId(view.container, 'reg-loading')).toBeNull());
  return view.container;
}

export async function type(container: HTMLElement, id: string, value: string) {
  const inner = await waitFor(() => {
    const el = byId(container, id)?.querySelector('input, textarea');
    if (!el) throw new Error(`#${id} has no input yet`);
    return el;
  });
  fireEvent.input(inner, { target: { value } });
}

export async function fillForm(page: HTMLElement, phone = '13912345678') {
  await type(page, 'reg-account-name', '杭州星辰科技有限公司');
  fireEvent.click(byId(page, 'reg-account-industry-it')!);
  await type(page, 'reg-contact-name', '王小明');
  await type(page, 'reg-contact-mobile1', phone);
}
