import type { AccountDoc, ContactDoc, UserDoc } from '../../cloudfunctions/core/kernel/docs';
import { LICENCE_ID } from '../../cloudfunctions/core/licences/seats';
import { login } from '../../cloudfunctions/core/identity/login';
import { resolvePrincipal } from '../../cloudfunctions/core/identity/principal';
import { requestSmsCode } from '../../cloudfunctions/core/sms/send';
import { submitRegistration } from '../../cloudfunctions/core/registration/submit';
import { registrationForm, searchAccounts, searchRegistry } from '../../cloudfunctions/core/registration/lookups';
import { approveJoin, rejectJoin } from '../../cloudfunctions/core/registration/approvals';
import { sampleRegistry } from '../../cloudfunctions/adapters/registry';
import type { TestDeps } from '../support/deps';
import { addAccount, addContact, caller, codeOf, consent, freshMobile, provePhone, register, registrationDeps } from './support';

const seatsUsed = async (deps: TestDeps) => ((await deps.store.get('licences', LICENCE_ID)) as unknown as { used: number }).used;
const admin = { _id: 'adm_test', username: 'test', display_name: 'Test', password_hash: '', permissions: ['*'], failed_attempts: 0, locked_until: 0 };

describe('registration.submit: a new company (user-defined name, exact duplicate check)', () => {
  test('given a name nobody has, then Account, Contact, Enterprise, User, bindings, seat and audit entry are created and the user is active', async () => {
    const deps = await registrationDeps({ account: { owner_assignment: 'single', owners: ['sales-wang'] } });
    const who = caller();
    const phone = freshMobile();
    const out = await register(deps, who, { company: '杭州星辰科技有限公司', person: '王小明', phone });
    expect(out).toMatchObject({ state: 'member', pendingApproval: false, account: { name: '杭州星辰科技有限公司', matched: 'new' } });
    const account = (await deps.store.get<AccountDoc>('accounts', out.account.id))!;
    expect(account).toMatchObject({ name_key: '杭州|星辰科技|', owner: 'sales-wang', record_type: 'customer', source: 'self-registration' });
    const user = (await deps.store.get<UserDoc>('ic_users', out.user.id))!;
    expect(user).toMatchObject({ status: 'active', account_id: account._id, name: '王小明', mobile: phone, holds_seat: true, consent: { terms_version: consent.termsVersion } });
    const contact = (await deps.store.get<ContactDoc>('contacts', user.contact_id!))!;
    expect(contact).toMatchObject({ account_id: account._id, name: '王小明', mobile1: phone, owner: 'sales-wang' });
    expect(await deps.store.get('ic_enterprises', user.enterprise_id)).toMatchObject({ kind: 'account', account_id: account._id });
    expect(await deps.store.get('ic_bindings', `wx:${who.appid}:${who.openid}`)).toMatchObject({ user_id: user._id });
    expect(await deps.store.get('ic_bindings', `mobile:${phone}`)).toMatchObject({ user_id: user._id });
    expect(await seatsUsed(deps)).toBe(1);
    expect(await deps.store.count('audit_log', { action: 'registration.submitted', target: user._id })).toBe(1);
    // the verified mobile was spent by this registration
    expect(await deps.store.get('mobile_proofs', `wx:${who.appid}:${who.openid}`)).toBeNull();
  });

  test('given a variant of an existing name, then the registrant joins that Account as pending with own scope only, and no Contact is created yet', async () => {
    const deps = await registrationDeps();
    const accountId = await addAccount(deps, '杭州星辰科技有限公司');
    const contactsBefore = await deps.store.count('contacts');
    const who = caller();
    const out = await register(deps, who, { company: '星辰科技（杭州）有限责任公司' });
    expect(out).toMatchObject({ state: 'pending', pendingApproval: true, account: { id: accountId, matched: 'exact' } });
    expect(await deps.store.count('contacts')).toBe(contactsBefore);
    expect(await deps.store.count('accounts')).toBe(1);
    const principal = await resolvePrincipal(deps, who);
    expect(principal.kind).toBe('pending');
    expect(principal.user?.account_id).toBeUndefined();
    expect(principal.permissions.every((p) => p.scope !== 'account' && p.scope !== 'all')).toBe(true);
    expect(out.user.joinRequest).toMatchObject({ accountId, accountName: '杭州星辰科技有限公司', matched: 'exact', typedName: '星辰科技（杭州）有限责任公司' });
    expect(out.user.joinRequest?.reasons).toBeUndefined();
    expect((await deps.store.get<UserDoc>('ic_users', out.user.id))!['join_request']).toMatchObject({ typed_name: '星辰科技（杭州）有限责任公司' });
  });

  test('given the verified mobile is a Contact of the named Account, then membership is proven: active at once, that Contact, no duplicate', async () => {
    const deps = await registrationDeps();
    const accountId = await addAccount(deps, '杭州星辰科技有限公司');
    const phone = freshMobile();
    const contactId = await addContact(deps, accountId, '张伟', phone);
    const out = await register(deps, caller(), { company: '杭州星辰科技有限公司', person: '张伟', phone });
    expect(out).toMatchObject({ state: 'member', pendingApproval: false, account: { id: accountId } });
    expect(out.user.contactId).toBe(contactId);
    expect(await deps.store.count('contacts', { account_id: accountId })).toBe(1);
  });

  test('given the verified mobile is a Contact of an Account under another name, then that Account is the match (by mobile), active', async () => {
    const deps = await registrationDeps();
    const accountId = await addAccount(deps, '苏州恒泰精密机械股份有限公司');
    const phone = freshMobile();
    await addContact(deps, accountId, '陈静', phone);
    const out = await register(deps, caller(), { company: '恒泰机械', person: '陈静', phone });
    expect(out).toMatchObject({ state: 'member', account: { id: accountId, matched: 'mobile' } });
    expect(await deps.store.count('accounts')).toBe(1);
  });

  test('given the mobile already belongs to an activated user, then this WeChat identity is bound to that user: one person, one user', async () => {
    const deps = await registrationDeps();
    const first = caller();
    const phone = freshMobile();
    const original = await register(deps, first, { company: '宁波远航物流有限公司', phone });
    const usersBefore = await deps.store.count('ic_users');
    const second = { ...caller(), appid: first.appid };
    const again = await register(deps, second, { company: '随便写的公司名', phone });
    expect(again.user.id).toBe(original.user.id);
    expect(again.account).toMatchObject({ id: original.account.id, matched: 'mobile' });
    expect(await deps.store.count('ic_users')).toBe(usersBefore);
    expect(await deps.store.get('ic_bindings', `wx:${second.appid}:${second.openid}`)).toMatchObject({ user_id: original.user.id });
  });

  test('given the caller already registered, then registration/already-registered', async () => {
    const deps = await registrationDeps();
    const who = caller();
    await register(deps, who, { company: '杭州云帆智能装备有限公司' });
    expect(await codeOf(register(deps, who, { company: '另一家公司' }))).toBe('registration/already-registered');
  });

  test('given self-registration is off or the app has no method, then registration/disabled', async () => {
    const deps = await registrationDeps();
    expect(await codeOf(register(deps, { appid: 'wxother00000001', openid: 'oNoMethod001' }, {}))).toBe('registration/disabled');
    await deps.store.update('settings', 'global', { set: { self_registration: { enabled: false } } });
    deps.cache.invalidate();
    expect(await codeOf(register(deps, caller(), {}))).toBe('registration/disabled');
  });

  test('given no seat is free, then licence/exhausted and nothing but the phone proof is written', async () => {
    const deps = await registrationDeps({}, 0);
    const who = caller();
    expect(await codeOf(register(deps, who, { company: '南京启明软件有限公司' }))).toBe('licence/exhausted');
    expect(await deps.store.count('accounts')).toBe(0);
    expect(await deps.store.count('ic_users')).toBe(0);
    expect(await deps.store.count('contacts')).toBe(0);
  });
});

describe('registration.submit: mobile verification and consent', () => {
  test('given a register SMS code from the outbox, then submit accepts it once; a resubmission needs no new code until it succeeds', async () => {
    const deps = await registrationDeps({ account: { duplicate_check: 'fuzzy' } });
    await addAccount(deps, '杭州星辰科技有限公司');
    const who = caller();
    const phone = freshMobile();
    await requestSmsCode(deps, who, phone, 'register');
    const code = /(\d{6})/.exec(deps.outbox.messages()[0].text)![1];
    const input = { account: { name: '杭州星辰信息科技有限公司' }, contact: { name: '林夕', mobile1: phone }, smsCode: code, consent };
    const ask = await codeOf(submitRegistration(deps, who, input));
    expect(ask).toBe('registration/confirm-candidate');
    // the code is spent, but the verified mobile is held for this identity: declining needs no new code
    const candidate = (await deps.store.find<AccountDoc>('accounts', { limit: 1 }))[0];
    const out = await submitRegistration(deps, who, { ...input, declinedCandidateId: candidate._id });
    expect(out.account.matched).toBe('new');
  });

  test('given a wrong SMS code, then sms/code-invalid; no code and no proof, then input/invalid on smsCode', async () => {
    const deps = await registrationDeps();
    const phone = freshMobile();
    const who = caller();
    await requestSmsCode(deps, who, phone, 'register');
    const base = { account: { name: '厦门鼎盛食品有限公司' }, contact: { name: '林夕', mobile1: phone }, consent };
    const real = /(\d{6})/.exec(deps.outbox.messages()[0].text)![1];
    expect(await codeOf(submitRegistration(deps, who, { ...base, smsCode: real === '000000' ? '111111' : '000000' }))).toBe('sms/code-invalid');
    expect(await codeOf(submitRegistration(deps, caller(), base))).toBe('input/invalid');
  });

  test('given the WeChat phone proof is for another number than mobile1, then it does not count', async () => {
    const deps = await registrationDeps();
    const who = caller();
    await provePhone(deps, who, freshMobile());
    const e = submitRegistration(deps, who, { account: { name: '青岛海纳电气有限公司' }, contact: { name: '林夕', mobile1: freshMobile() }, consent });
    expect(await codeOf(e)).toBe('input/invalid');
  });

  test('given consent to outdated terms, then input/invalid and nothing is written', async () => {
    const deps = await registrationDeps();
    const who = caller();
    const phone = freshMobile();
    await provePhone(deps, who, phone);
    const e = submitRegistration(deps, who, { account: { name: '西安博雅教育咨询有限公司' }, contact: { name: '林夕', mobile1: phone }, consent: { agreed: true, termsVersion: '2020-01-01' } });
    expect(await codeOf(e)).toBe('input/invalid');
    expect(await deps.store.count('ic_users')).toBe(0);
  });
});

describe('registration.submit: the form layout is enforced on the server', () => {
  const layout = {
    account: {
      show_only_required: true,
      fields: [
        { name: 'name', label: '公司名称', type: 'text', required: true },
        { name: 'industry', label: '行业', type: 'select', required: true, options: [{ value: 'mfg', label: '制造' }, { value: 'it', label: '信息技术' }] },
        { name: 'founded', label: '成立日期', type: 'date', required: false },
      ],
    },
    contact: { fields: [{ name: 'name', label: '姓名', type: 'text', required: true }, { name: 'email', label: '邮箱', type: 'email', required: false }] },
  };

  test('given show-only-required, then getForm lists only required Account fields, and the login mobile is always a required phone field', async () => {
    const deps = await registrationDeps(layout);
    const form = await registrationForm(deps, caller(), 'zh-CN');
    expect(form.fields.account.map((f) => f.name)).toEqual(['name', 'industry']);
    expect(form.fields.contact.map((f) => [f.name, f.type, f.required])).toEqual([
      ['name', 'text', true],
      ['email', 'email', false],
      ['mobile1', 'phone', true],
    ]);
    expect(form.terms.version).toBe(consent.termsVersion);
  });

  test.each([
    ['a hidden optional field', { name: '甲公司', industry: 'it', founded: '2020-01-01' }, {}],
    ['an unknown field', { name: '甲公司', industry: 'it', ceo: 'x' }, {}],
    ['a missing required field', { name: '甲公司' }, {}],
    ['an option that is not offered', { name: '甲公司', industry: 'farming' }, {}],
    ['a malformed email', { name: '甲公司', industry: 'it' }, { email: 'not-an-email' }],
  ])('given %s, then input/invalid', async (_label, account, contactExtra) => {
    const deps = await registrationDeps(layout);
    const who = caller();
    const phone = freshMobile();
    await provePhone(deps, who, phone);
    expect(await codeOf(submitRegistration(deps, who, { account, contact: { name: '林夕', mobile1: phone, ...contactExtra }, consent }))).toBe('input/invalid');
  });

  test('given valid layout fields, then they are stored on the Account and the Contact', async () => {
    const deps = await registrationDeps(layout);
    const who = caller();
    const phone = freshMobile();
    await provePhone(deps, who, phone);
    const out = await submitRegistration(deps, who, { account: { name: '甲公司', industry: 'it' }, contact: { name: '林夕', mobile1: phone, email: 'lin@example.com' }, consent });
    expect(await deps.store.get('accounts', out.account.id)).toMatchObject({ industry: 'it' });
    expect(await deps.store.get('contacts', out.user.contactId!)).toMatchObject({ email: 'lin@example.com' });
  });
});

describe('registration.submit: USCC and the fuzzy duplicate check', () => {
  test('given a known USCC under another name, then the Account is matched by credit code before any name', async () => {
    const deps = await registrationDeps();
    const accountId = await addAccount(deps, '深圳市蓝海医疗器械有限公司', { credit_code: '91440300708461136T' });
    const out = await register(deps, caller(), { account: { name: '完全不同的名字', credit_code: '91440300708461136t' } });
    expect(out).toMatchObject({ state: 'pending', account: { id: accountId, matched: 'credit-code' } });
    expect(out.user.joinRequest).toMatchObject({ matched: 'credit-code', typedName: '完全不同的名字', typedCreditCode: '91440300708461136T' });
  });

  test('given a USCC that fails its check digit, then the new Account is created and flagged for review, not refused', async () => {
    const deps = await registrationDeps();
    const out = await register(deps, caller(), { account: { name: '成都天工新材料有限公司', credit_code: '91440300708461137T' } });
    expect(out.account.matched).toBe('new');
    expect(await deps.store.get('accounts', out.account.id)).toMatchObject({ credit_code: '91440300708461137T', needs_review: true, review_reasons: ['uscc-check-digit'] });
  });

  test('given a malformed USCC, then input/invalid', async () => {
    const deps = await registrationDeps();
    expect(await codeOf(register(deps, caller(), { account: { name: '某公司', credit_code: 'ABC' } }))).toBe('input/invalid');
  });

  test('given fuzzy and a similar name, then submit asks "Is this your company?"; yes joins it (pending), no creates a flagged new Account', async () => {
    const deps = await registrationDeps({ account: { duplicate_check: 'fuzzy' } });
    const accountId = await addAccount(deps, '杭州星辰科技有限公司');
    const asked = await codeOf(register(deps, caller(), { company: '杭州星辰信息科技有限公司' }));
    expect(asked).toBe('registration/confirm-candidate');
    const yes = await register(deps, caller(), { company: '杭州星辰信息科技有限公司', confirmCandidateId: accountId });
    expect(yes).toMatchObject({ state: 'pending', account: { id: accountId, matched: 'fuzzy' } });
    // the approval panel shows what was typed beside the Account matched, and the matcher's reasons
    expect(yes.user.joinRequest).toMatchObject({ accountName: '杭州星辰科技有限公司', matched: 'fuzzy', typedName: '杭州星辰信息科技有限公司' });
    expect(yes.user.joinRequest?.reasons?.length).toBeGreaterThan(0);
    const stored = (await deps.store.get<UserDoc>('ic_users', yes.user.id))!['join_request'] as { typed_name: string; match_reasons: Array<{ code: string }> };
    expect(stored.typed_name).toBe('杭州星辰信息科技有限公司');
    expect(stored.match_reasons.map((r) => r.code)).toEqual(yes.user.joinRequest!.reasons!.map((r) => r.code));
    const no = await register(deps, caller(), { company: '杭州星辰信息科技有限公司', declinedCandidateId: accountId });
    expect(no).toMatchObject({ state: 'member', account: { matched: 'new' } });
    expect(await deps.store.get('accounts', no.account.id)).toMatchObject({ needs_review: true, possible_duplicate_of: accountId, review_reasons: ['possible-duplicate'] });
  });

  test('given a confirmCandidateId that is not a candidate for the name, then input/invalid (no joining arbitrary Accounts by id)', async () => {
    const deps = await registrationDeps({ account: { duplicate_check: 'fuzzy' } });
    const other = await addAccount(deps, '苏州恒泰精密机械股份有限公司');
    expect(await codeOf(register(deps, caller(), { company: '杭州星辰信息科技有限公司', confirmCandidateId: other }))).toBe('input/invalid');
  });

  test('given the same name in another city or a branch, then fuzzy neither joins nor asks: a new Account', async () => {
    const deps = await registrationDeps({ account: { duplicate_check: 'fuzzy' } });
    await addAccount(deps, '杭州星辰科技有限公司');
    expect((await register(deps, caller(), { company: '苏州星辰科技有限公司' })).account.matched).toBe('new');
    expect((await register(deps, caller(), { company: '杭州星辰科技有限公司上海分公司' })).account.matched).toBe('new');
  });
});

describe('new-Account rules: select-existing and registry', () => {
  test('given select-existing, then search answers 4+ characters with at most 5 Accounts, and submit {id} joins as pending', async () => {
    const deps = await registrationDeps({ account: { new_account_rule: 'select-existing' } });
    for (const city of ['杭州', '苏州', '宁波', '温州', '嘉兴', '绍兴', '金华']) await addAccount(deps, `${city}星辰科技有限公司`);
    const target = await addAccount(deps, '杭州星辰精密机械有限公司');
    const who = caller();
    expect(await codeOf(searchAccounts(deps, who, '星辰科'))).toBe('input/invalid');
    const found = await searchAccounts(deps, who, '星辰科技');
    expect(found.items.length).toBe(5);
    expect(found.items.every((a) => a.name.includes('星辰科技'))).toBe(true);
    const exact = await searchAccounts(deps, who, '星辰精密机械');
    expect(exact.items).toEqual([{ id: target, name: '杭州星辰精密机械有限公司' }]);
    const out = await register(deps, who, { account: { id: target } });
    expect(out).toMatchObject({ state: 'pending', account: { id: target } });
    expect(await codeOf(register(deps, caller(), { company: '新公司' }))).toBe('input/invalid');
  });

  test('given user-defined, then searchAccounts and searchRegistry are refused', async () => {
    const deps = await registrationDeps();
    expect(await codeOf(searchAccounts(deps, caller(), '星辰科技'))).toBe('access/denied');
    expect(await codeOf(searchRegistry(deps, caller(), '星辰'))).toBe('access/denied');
  });

  test('given registry, then the official name and code come from the registry; inactive or unknown codes are refused', async () => {
    const deps = await registrationDeps({ account: { new_account_rule: 'registry' } });
    const who = caller();
    const hits = await searchRegistry(deps, who, '云帆智能');
    expect(hits.items[0]).toMatchObject({ name: '杭州云帆智能装备有限公司', status: 'active' });
    const out = await register(deps, who, { account: { creditCode: hits.items[0].creditCode } });
    expect(out).toMatchObject({ state: 'member', account: { name: '杭州云帆智能装备有限公司', matched: 'new' } });
    expect(await deps.store.get('accounts', out.account.id)).toMatchObject({ credit_code: hits.items[0].creditCode, source: 'registry' });
    const cancelled = (await sampleRegistry().search('南京启明软件', 1))[0];
    expect(cancelled.status).toBe('cancelled');
    expect(await codeOf(register(deps, caller(), { account: { creditCode: cancelled.creditCode } }))).toBe('input/invalid');
    expect(await codeOf(register(deps, caller(), { account: { creditCode: '91440300708461136T' } }))).toBe('input/invalid');
    // a second registrant of that company matches the Account by its code
    const again = await register(deps, caller(), { account: { creditCode: hits.items[0].creditCode } });
    expect(again.account).toMatchObject({ id: out.account.id, matched: 'credit-code' });
  });
});

describe('openid-auto users completing registration (scenario 2)', () => {
  test('given a silent user, when they register a new company, then the same user is linked in place: same id, same seat, enterprise replaced', async () => {
    const deps = await registrationDeps({ mode: 'openid-auto' });
    const who = caller();
    const session = await login(deps, who);
    const autoEnterprise = session.user!.enterpriseId;
    const seats = await seatsUsed(deps);
    const out = await register(deps, who, { company: '郑州百川农业发展有限公司' });
    expect(out.user.id).toBe(session.user!.id);
    expect(out.state).toBe('member');
    expect(out.user.accountId).toBe(out.account.id);
    expect(await seatsUsed(deps)).toBe(seats);
    expect(await deps.store.get('ic_enterprises', autoEnterprise)).toBeNull();
  });

  test('given a silent user who bound their phone first, then registering with that phone works (the binding is already theirs)', async () => {
    const deps = await registrationDeps({ mode: 'openid-auto' });
    const who = caller();
    await login(deps, who);
    const phone = freshMobile();
    await provePhone(deps, who, phone);
    expect(await deps.store.get('ic_bindings', `mobile:${phone}`)).toBeTruthy();
    const out = await submitRegistration(deps, who, { account: { name: '济南崇德化工有限公司' }, contact: { name: '赵敏', mobile1: phone }, consent });
    expect(out.state).toBe('member');
  });
});

describe('admin approval of pending joins', () => {
  test('given a pending registrant, when approved, then a Contact is created under the Account and the user is active with account scope', async () => {
    const deps = await registrationDeps({ contact: { record_type: 'partner-contact' } });
    const accountId = await addAccount(deps, '杭州星辰科技有限公司', { owner: 'sales-li' });
    const who = caller();
    const pending = await register(deps, who, { company: '杭州星辰科技有限公司', person: '吴昊' });
    const result = await approveJoin(deps, admin, pending.user.id);
    expect(result).toMatchObject({ status: 'active', accountId });
    expect(await deps.store.get('contacts', result.contactId!)).toMatchObject({ account_id: accountId, name: '吴昊', record_type: 'partner-contact', owner: 'sales-li' });
    const principal = await resolvePrincipal(deps, who);
    expect(principal.kind).toBe('member');
    expect(principal.user).toMatchObject({ account_id: accountId, contact_id: result.contactId });
    expect(principal.user!['join_request']).toBeUndefined();
    expect(await codeOf(approveJoin(deps, admin, pending.user.id))).toBe('registration/not-pending');
  });

  test('given a pending registrant, when rejected, then their user, bindings and seat are gone and they may register again', async () => {
    const deps = await registrationDeps();
    await addAccount(deps, '杭州星辰科技有限公司');
    const who = caller();
    const seats = await seatsUsed(deps);
    const pending = await register(deps, who, { company: '杭州星辰科技有限公司' });
    expect(await seatsUsed(deps)).toBe(seats + 1);
    const result = await rejectJoin(deps, admin, pending.user.id, '不是本公司员工');
    expect(result).toMatchObject({ removed: true });
    expect(await deps.store.get('ic_users', pending.user.id)).toBeNull();
    expect(await deps.store.count('ic_bindings', { user_id: pending.user.id })).toBe(0);
    expect(await seatsUsed(deps)).toBe(seats);
    expect(await deps.store.count('audit_log', { action: 'user.join-rejected', target: pending.user.id })).toBe(1);
    const again = await register(deps, who, { company: '杭州星辰科技（滨江）新公司' });
    expect(again.state).toBe('member');
  });

  test('given a silent user whose join is rejected, then they go back to what they were', async () => {
    const deps = await registrationDeps({ mode: 'openid-auto' });
    await addAccount(deps, '杭州星辰科技有限公司');
    const who = caller();
    const session = await login(deps, who);
    const pending = await register(deps, who, { company: '杭州星辰科技有限公司' });
    expect(pending.state).toBe('pending');
    await rejectJoin(deps, admin, pending.user.id, undefined);
    const user = (await deps.store.get<UserDoc>('ic_users', session.user!.id))!;
    expect(user).toMatchObject({ status: 'active', enterprise_id: session.user!.enterpriseId });
    expect(user['join_request']).toBeUndefined();
  });
});
