import type { AccountDoc } from '../../cloudfunctions/core/kernel/docs';
import { submitRegistration } from '../../cloudfunctions/core/registration/submit';
import { caller, codeOf, consent, freshMobile, provePhone, registrationDeps } from './support';

const OWNERS = ['sales-1', 'sales-2', 'sales-3', 'sales-4', 'sales-5', 'sales-6', 'sales-7'];

describe('registrations racing each other', () => {
  test.each(['exact', 'fuzzy'])('given two simultaneous registrations of variants of one name (%s check), then there is one Account: one creates it, the other joins it', async (check) => {
    const deps = await registrationDeps({ account: { duplicate_check: check } });
    const a = caller();
    const b = caller();
    const [pa, pb] = [freshMobile(), freshMobile()];
    await provePhone(deps, a, pa);
    await provePhone(deps, b, pb);
    const [ra, rb] = await Promise.all([
      submitRegistration(deps, a, { account: { name: '杭州星辰科技有限公司' }, contact: { name: '甲', mobile1: pa }, consent }),
      submitRegistration(deps, b, { account: { name: '星辰科技（杭州）有限责任公司' }, contact: { name: '乙', mobile1: pb }, consent }),
    ]);
    expect(await deps.store.count('accounts')).toBe(1);
    expect(ra.account.id).toBe(rb.account.id);
    expect([ra.account.matched, rb.account.matched].sort()).toEqual(['exact', 'new']);
    expect([ra.state, rb.state].sort()).toEqual(['member', 'pending']);
    expect(await deps.store.count('account_keys', { kind: 'name' })).toBe(1);
  });

  test('given 1,000 concurrent registrations of new companies over 7 round-robin owners, then each owner gets 142 or 143 Accounts', async () => {
    const deps = await registrationDeps({ account: { owner_assignment: 'round-robin', owners: OWNERS } });
    const people = Array.from({ length: 1000 }, (_, i) => ({ who: caller(), phone: freshMobile(), company: `${i}号星辰测试有限公司` }));
    for (const p of people) await provePhone(deps, p.who, p.phone);
    const results = await Promise.all(people.map((p) => submitRegistration(deps, p.who, { account: { name: p.company }, contact: { name: '测试', mobile1: p.phone }, consent })));
    expect(results.every((r) => r.state === 'member' && r.account.matched === 'new')).toBe(true);
    const accounts = await deps.store.find<AccountDoc>('accounts', { limit: 1000 });
    expect(accounts).toHaveLength(1000);
    const perOwner = OWNERS.map((o) => accounts.filter((a) => a['owner'] === o).length);
    expect(perOwner.reduce((s, n) => s + n, 0)).toBe(1000);
    for (const n of perOwner) expect([142, 143]).toContain(n);
    // one counter per owner, each matching its Accounts
    for (const [i, o] of OWNERS.entries()) expect(await deps.store.get('counters', `owner-rr_mth_test_${o}`)).toMatchObject({ count: perOwner[i] });
  });

  test('given more concurrent registrations than seats, then exactly the free seats succeed, the rest fail whole, and only successes took an owner ticket', async () => {
    const deps = await registrationDeps({ account: { owner_assignment: 'round-robin', owners: OWNERS } }, 100);
    const people = Array.from({ length: 140 }, (_, i) => ({ who: caller(), phone: freshMobile(), company: `${i}号恒泰测试有限公司` }));
    for (const p of people) await provePhone(deps, p.who, p.phone);
    const outcomes = await Promise.allSettled(people.map((p) => submitRegistration(deps, p.who, { account: { name: p.company }, contact: { name: '测试', mobile1: p.phone }, consent })));
    const ok = outcomes.filter((o) => o.status === 'fulfilled').length;
    const exhausted = outcomes.filter((o) => o.status === 'rejected' && (o.reason as { code?: string }).code === 'licence/exhausted').length;
    expect([ok, exhausted]).toEqual([100, 40]);
    expect(await deps.store.count('accounts')).toBe(100);
    expect(await deps.store.count('contacts')).toBe(100);
    expect(await deps.store.count('ic_users')).toBe(100);
    const tickets = (await deps.store.find<{ _id: string; count: number }>('counters', { where: { method_id: 'mth_test' }, limit: 100 })).reduce((n, c) => n + c.count, 0);
    expect(tickets).toBe(100);
    const accounts = await deps.store.find<AccountDoc>('accounts', { limit: 1000 });
    for (const o of OWNERS) expect([14, 15]).toContain(accounts.filter((a) => a['owner'] === o).length);
  });

  test('given the same identity submitting twice at once, then one registration lands and the other is told it is already registered', async () => {
    const deps = await registrationDeps();
    const who = caller();
    const phone = freshMobile();
    await provePhone(deps, who, phone);
    const input = { account: { name: '宁波远航物流有限公司' }, contact: { name: '甲', mobile1: phone }, consent };
    const outcomes = await Promise.allSettled([submitRegistration(deps, who, input), submitRegistration(deps, who, input)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const failed = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(['registration/already-registered', 'input/invalid']).toContain((failed.reason as { code: string }).code);
    expect(await deps.store.count('ic_users')).toBe(1);
    expect(await codeOf(submitRegistration(deps, who, input))).toBe('registration/already-registered');
  });
});
