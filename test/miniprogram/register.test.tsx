import { fireEvent, waitFor } from '@testing-library/react';

import { setLocale } from '../../src/i18n';
import type { SessionView } from '../../src/services/contracts';

import { fail, memberSession, ok } from './support/fake-backend';
import { byId } from './support/render';

import { backend, fillForm, FORM, installRegisterPageHooks, memberResult, open, reLaunchSpy, text, type } from './support/register-page';

installRegisterPageHooks();

describe('registration form', () => {
  it('given a layout, when the page opens, then every field renders by type with required marks, and the form is the server`s', async () => {
    const b = backend({});
    const page = await open();
    await waitFor(() => expect(byId(page, 'reg-account-name')).not.toBeNull());
    expect(byId(page, 'reg-account-industry-mfg')).not.toBeNull();
    expect(byId(page, 'reg-account-founded')).not.toBeNull();
    expect(byId(page, 'reg-account-address')?.tagName.toLowerCase()).toContain('textarea');
    expect(byId(page, 'reg-contact-mobile1')).not.toBeNull();
    // name, industry, contact name, mobile: four required marks
    expect(page.querySelectorAll('.required-mark')).toHaveLength(4);
    expect(b.callsTo('registration.getForm')).toHaveLength(1);
    expect(byId(page, 'reg-consent-box')).not.toBeNull();
  });

  it('given required fields left empty and no consent, when submitting, then each field says what is missing and nothing is sent', async () => {
    const b = backend({ 'registration.submit': ok(memberResult) });
    const page = await open();
    await waitFor(() => expect(byId(page, 'reg-submit')).not.toBeNull());
    fireEvent.click(byId(page, 'reg-submit')!);
    await waitFor(() => expect(byId(page, 'reg-account-name-error')).not.toBeNull());
    expect(text(byId(page, 'reg-account-name-error'))).toBe('请填写公司名称');
    expect(text(byId(page, 'reg-account-industry-error'))).toBe('请选择行业');
    expect(text(byId(page, 'reg-contact-mobile1-error'))).toBe('请填写手机号');
    expect(text(byId(page, 'reg-problem'))).toContain('服务条款');
    expect(b.callsTo('registration.submit')).toHaveLength(0);
  });

  it('given a malformed mobile, then the phone field says so', async () => {
    backend({});
    const page = await open();
    await fillForm(page, '12345');
    fireEvent.click(byId(page, 'reg-consent-box')!);
    fireEvent.click(byId(page, 'reg-submit')!);
    await waitFor(() => expect(text(byId(page, 'reg-contact-mobile1-error'))).toBe('请输入 11 位手机号'));
  });

  it('given an SMS code, when the form is submitted with consent, then the layout values, mobile1, code and terms version go to submit and the member result shows', async () => {
    const b = backend({ 'auth.sendSmsCode': ok({ retryAfterSeconds: 60 }), 'registration.submit': ok(memberResult) });
    const page = await open();
    await fillForm(page);
    fireEvent.click(byId(page, 'reg-send-code')!);
    await waitFor(() => expect(b.callsTo('auth.sendSmsCode')).toHaveLength(1));
    expect(b.callsTo('auth.sendSmsCode')[0].body.data).toEqual({ phone: '13912345678', purpose: 'register' });
    await type(page, 'reg-sms-code', '123456');
    fireEvent.click(byId(page, 'reg-consent-box')!);
    fireEvent.click(byId(page, 'reg-submit')!);
    await waitFor(() => expect(byId(page, 'reg-result')).not.toBeNull());
    expect(b.callsTo('registration.submit')[0].body.data).toEqual({
      account: { name: '杭州星辰科技有限公司', industry: 'it' },
      contact: { name: '王小明', mobile1: '13912345678' },
      consent: { agreed: true, termsVersion: '2026-11-01' },
      smsCode: '123456',
    });
    expect(text(byId(page, 'reg-result-state'))).toBe('member');
    fireEvent.click(byId(page, 'reg-result-home')!);
    expect(reLaunchSpy()).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  it('given neither a code nor a verified WeChat phone, then submitting asks for verification', async () => {
    const b = backend({});
    const page = await open();
    await fillForm(page);
    fireEvent.click(byId(page, 'reg-consent-box')!);
    fireEvent.click(byId(page, 'reg-submit')!);
    await waitFor(() => expect(byId(page, 'reg-sms-code-error')).not.toBeNull());
    expect(b.callsTo('registration.submit')).toHaveLength(0);
  });

  it('given the WeChat phone button, then it needs consent first, then binds the phone and submit needs no SMS code', async () => {
    const b = backend({ 'auth.bindPhone': ok({ mobile: '13912345678', bound: false }), 'registration.submit': ok(memberResult) });
    const page = await open();
    await fillForm(page);
    fireEvent.click(byId(page, 'reg-wechat-phone')!);
    await waitFor(() => expect(text(byId(page, 'reg-problem'))).toContain('服务条款'));
    expect(b.callsTo('auth.bindPhone')).toHaveLength(0);
    fireEvent.click(byId(page, 'reg-consent-box')!);
    fireEvent.click(byId(page, 'reg-wechat-phone')!);
    await waitFor(() => expect(byId(page, 'reg-mobile-verified')).not.toBeNull());
    expect(b.phoneCodes).toEqual(['13912345678']);
    expect(b.callsTo('auth.bindPhone')[0].body.data).toEqual({ phoneCode: 'wx-code-1', consent: { agreed: true, termsVersion: '2026-11-01' } });
    fireEvent.click(byId(page, 'reg-submit')!);
    await waitFor(() => expect(byId(page, 'reg-result')).not.toBeNull());
    expect(b.callsTo('registration.submit')[0].body.data).not.toHaveProperty('smsCode');
  });

  it('given a similar company, then "Is this your company?" is asked; yes resubmits with the candidate and shows the pending result', async () => {
    let first = true;
    const b = backend({
      'auth.bindPhone': ok({ mobile: '13912345678', bound: false }),
      'registration.submit': () => {
        if (first) {
          first = false;
          return { ok: false, status: 409, error: { code: 'registration/confirm-candidate', message: '已有名称相近的企业', params: { candidateId: 'acc_9', candidateName: '杭州星辰科技有限公司' } } };
        }
        return ok({ ...memberResult, state: 'pending', pendingApproval: true, account: { id: 'acc_9', name: '杭州星辰科技有限公司', matched: 'fuzzy' } });
      },
    });
    const page = await open();
    await fillForm(page);
    fireEvent.click(byId(page, 'reg-consent-box')!);
    fireEvent.click(byId(page, 'reg-wechat-phone')!);
    await waitFor(() => expect(byId(page, 'reg-mobile-verified')).not.toBeNull());
    fireEvent.click(byId(page, 'reg-submit')!);
    await waitFor(() => expect(byId(page, 'reg-candidate')).not.toBeNull());
    expect(text(byId(page, 'reg-candidate-name'))).toBe('杭州星辰科技有限公司');
    fireEvent.click(byId(page, 'reg-candidate-yes')!);
    await waitFor(() => expect(text(byId(page, 'reg-result-state'))).toBe('pending'));
    expect(b.callsTo('registration.submit')[1].body.data).toMatchObject({ confirmCandidateId: 'acc_9' });
    expect(text(byId(page, 'reg-result-body'))).toContain('杭州星辰科技有限公司');
  });

  it('given select-existing, then the search wants 4+ characters, lists Accounts to pick, and submit sends the chosen id', async () => {
    const b = backend({
      'registration.getForm': ok({ ...FORM, accountRule: 'select-existing', fields: { ...FORM.fields, account: [] } }),
      'registration.searchAccounts': ok({ items: [{ id: 'acc_7', name: '苏州恒泰精密机械股份有限公司' }] }),
      'auth.bindPhone': ok({ mobile: '13912345678', bound: false }),
      'registration.submit': ok(memberResult),
    });
    const page = await open();
    await type(page, 'reg-company-query', '恒泰');
    fireEvent.click(byId(page, 'reg-company-search')!);
    expect(b.callsTo('registration.searchAccounts')).toHaveLength(0);
    await type(page, 'reg-company-query', '恒泰精密');
    fireEvent.click(byId(page, 'reg-company-search')!);
    await waitFor(() => expect(page.querySelectorAll('.company-hit')).toHaveLength(1));
    fireEvent.click(page.querySelector('.company-hit')!);
    await waitFor(() => expect(text(byId(page, 'reg-company-chosen-name'))).toBe('苏州恒泰精密机械股份有限公司'));
    await type(page, 'reg-contact-name', '陈静');
    await type(page, 'reg-contact-mobile1', '13912345678');
    fireEvent.click(byId(page, 'reg-consent-box')!);
    fireEvent.click(byId(page, 'reg-wechat-phone')!);
    await waitFor(() => expect(byId(page, 'reg-mobile-verified')).not.toBeNull());
    fireEvent.click(byId(page, 'reg-submit')!);
    await waitFor(() => expect(b.callsTo('registration.submit')).toHaveLength(1));
    expect(b.callsTo('registration.submit')[0].body.data).toMatchObject({ account: { id: 'acc_7' } });
  });

  it('given registry, then official names come with codes and status, inactive ones cannot be picked, and submit sends the code', async () => {
    const b = backend({
      'registration.getForm': ok({ ...FORM, accountRule: 'registry', fields: { ...FORM.fields, account: [] } }),
      'registration.searchRegistry': ok({
        items: [
          { name: '南京启明软件有限公司', creditCode: '91320100AAAAAAAAAA', status: 'cancelled' },
          { name: '杭州云帆智能装备有限公司', creditCode: '9133010049GP2WHK42', status: 'active' },
        ],
      }),
    });
    const page = await open();
    await type(page, 'reg-company-query', '云帆');
    fireEvent.click(byId(page, 'reg-company-search')!);
    await waitFor(() => expect(page.querySelectorAll('.company-hit')).toHaveLength(2));
    expect(text(page.querySelector('.company-hit--inactive'))).toContain('注销');
    fireEvent.click(page.querySelector('.company-hit--inactive')!);
    expect(byId(page, 'reg-company-chosen')).toBeNull();
    fireEvent.click(page.querySelectorAll('.company-hit')[1]);
    await waitFor(() => expect(text(byId(page, 'reg-company-chosen'))).toContain('9133010049GP2WHK42'));
    expect(b.callsTo('registration.searchRegistry')[0].body.data).toEqual({ query: '云帆' });
  });

  it('given a pending session, then the page shows the waiting-for-approval result instead of the form', async () => {
    const pending: SessionView = {
      ...memberSession,
      state: 'pending',
      account: undefined,
      user: { ...memberSession.user!, status: 'pending', accountId: undefined, joinRequest: { accountId: 'acc_1', accountName: '杭州星辰科技有限公司', matched: 'exact', contactName: '王', mobile: '139', requestedAt: '' } },
    };
    backend({}, pending);
    const page = await open();
    await waitFor(() => expect(byId(page, 'reg-result')).not.toBeNull());
    expect(text(byId(page, 'reg-result-state'))).toBe('pending');
    expect(text(byId(page, 'reg-result-body'))).toContain('杭州星辰科技有限公司');
  });

  it('given registration is off, then the server`s message is shown', async () => {
    backend({ 'registration.getForm': fail('registration/disabled', '本门户未开放自助注册。', 409) });
    const page = await open();
    await waitFor(() => expect(text(byId(page, 'reg-unavailable'))).toContain('本门户未开放自助注册'));
  });

  it('given English, then the page speaks English', async () => {
    setLocale('en');
    backend({});
    const page = await open();
    await waitFor(() => expect(text(byId(page, 'reg-submit'))).toBe('Register'));
  });
});
