import { fireEvent, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';

import { setLocale } from '../../src/i18n';
import RegisterFormPage from '../../src/packages/register/pages/form/index';
import type { RegistrationForm, SessionView } from '../../src/services/contracts';
import { anonymousSession, installFakeBackend, ok, type Answer } from './support/fake-backend';
import { byId, renderPage } from './support/render';

/** The registration page's offer (issue 16): "did you mean" for a typo, the registrant's own text kept, and why. */
const text = (el: Element | null) => el?.textContent?.trim();

const FORM: RegistrationForm = {
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

const memberResult = { state: 'member', user: { id: 'usr_1' }, account: { id: 'acc_1', name: '杭州星辰科技有限公司', matched: 'new' }, pendingApproval: false };

let reLaunch: jest.SpyInstance;

beforeEach(() => {
  localStorage.clear();
  setLocale('zh-CN');
  Taro.Current.router = { params: {}, path: '/' } as typeof Taro.Current.router;
  jest.spyOn(Taro, 'setNavigationBarTitle').mockResolvedValue({ errMsg: 'setNavigationBarTitle:ok' });
  reLaunch = jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' });
});

afterEach(() => jest.restoreAllMocks());

function backend(routes: Record<string, Answer | ((data: unknown) => Answer)>, session: SessionView = anonymousSession('register')) {
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

async function open() {
  const view = renderPage(<RegisterFormPage />);
  await waitFor(() => expect(byId(view.container, 'reg-loading')).toBeNull());
  return view.container;
}

async function type(container: HTMLElement, id: string, value: string) {
  const inner = await waitFor(() => {
    const el = byId(container, id)?.querySelector('input, textarea');
    if (!el) throw new Error(`#${id} has no input yet`);
    return el;
  });
  fireEvent.input(inner, { target: { value } });
}

async function fillForm(page: HTMLElement, phone = '13912345678') {
  await type(page, 'reg-account-name', '杭州星辰科技有限公司');
  fireEvent.click(byId(page, 'reg-account-industry-it')!);
  await type(page, 'reg-contact-name', '王小明');
  await type(page, 'reg-contact-mobile1', phone);
}


const TYPED = '杭州星晨科技有限公司';
const check = { match: 'fuzzy', typed: TYPED, candidate: { id: 'acc_9', name: '杭州星辰科技有限公司', kind: 'typo', reasons: [{ code: 'typo', typed: '晨', existing: '辰', how: 'homophone' }] } };
const asked = { ok: false, status: 409, error: { code: 'registration/confirm-candidate', message: '已有名称相近的企业', params: { candidateId: 'acc_9', candidateName: '杭州星辰科技有限公司', candidateKind: 'typo', typed: TYPED } } } as const;

async function offered(page: HTMLElement) {
  await type(page, 'reg-account-name', TYPED);
  const input = byId(page, 'reg-account-name')?.querySelector('input');
  if (input) fireEvent.blur(input);
  fireEvent.click(byId(page, 'reg-account-industry-it')!);
  await type(page, 'reg-contact-name', '王小明');
  await type(page, 'reg-contact-mobile1', '13912345678');
  fireEvent.click(byId(page, 'reg-consent-box')!);
  fireEvent.click(byId(page, 'reg-wechat-phone')!);
  await waitFor(() => expect(byId(page, 'reg-mobile-verified')).not.toBeNull());
  fireEvent.click(byId(page, 'reg-submit')!);
  await waitFor(() => expect(byId(page, 'reg-candidate')).not.toBeNull());
}

describe('registration offer', () => {
  it('given a typo of an existing company, then "did you mean" shows it with why, keeps the typed name, and "no" registers the name as typed', async () => {
    let calls = 0;
    const b = backend({
      'registration.checkAccountName': ok(check),
      'auth.bindPhone': ok({ mobile: '13912345678', bound: false }),
      'registration.submit': () => (calls++ === 0 ? asked : ok({ ...memberResult, account: { id: 'acc_new', name: TYPED, matched: 'new' } })),
    });
    const page = await open();
    await offered(page);
    expect(byId(page, 'reg-candidate')?.getAttribute('data-kind')).toBe('typo');
    expect(text(byId(page, 'reg-candidate'))).toContain('您是不是要找');
    expect(text(byId(page, 'reg-candidate-name'))).toBe('杭州星辰科技有限公司');
    expect(text(byId(page, 'reg-candidate-why'))).toContain('“晨”和“辰”是同音字');
    expect(text(byId(page, 'reg-candidate-typed'))).toContain(TYPED);
    expect(text(byId(page, 'reg-candidate-no'))).toContain(TYPED);
    fireEvent.click(byId(page, 'reg-candidate-no')!);
    await waitFor(() => expect(b.callsTo('registration.submit')).toHaveLength(2));
    expect(b.callsTo('registration.submit')[1].body.data).toMatchObject({ account: { name: TYPED }, declinedCandidateId: 'acc_9' });
  });

  it('given English, then the offer speaks English', async () => {
    setLocale('en');
    backend({ 'registration.checkAccountName': ok(check), 'auth.bindPhone': ok({ mobile: '13912345678', bound: false }), 'registration.submit': () => asked });
    const page = await open();
    await offered(page);
    expect(text(byId(page, 'reg-candidate'))).toContain('Did you mean');
    expect(text(byId(page, 'reg-candidate-why'))).toContain('same-sounding characters');
  });
});
