import { fireEvent, waitFor } from '@testing-library/react';

import { setLocale } from '../../src/i18n';
import { ok } from './support/fake-backend';
import { byId } from './support/render';

/** The registration page's offer (issue 16): "did you mean" for a typo, the registrant's own text kept, and why. */
import { backend, fillForm, FORM, installRegisterPageHooks, memberResult, open, text, type } from './support/register-page';

installRegisterPageHooks();


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
