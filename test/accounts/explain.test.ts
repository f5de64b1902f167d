import { normaliseCompanyName as norm } from '../../cloudfunctions/core/accounts/company-name';
import { compareNames } from '../../cloudfunctions/core/accounts/name-compare';
import { findDuplicates } from '../../cloudfunctions/core/accounts/find-duplicates';
import { checkAccountName } from '../../cloudfunctions/core/registration/lookups';
import { submitRegistration } from '../../cloudfunctions/core/registration/submit';
import { AppError } from '../../cloudfunctions/core/kernel/app-error';
import { addAccount, caller, consent, freshMobile, provePhone, registrationDeps } from '../registration/support';

const compare = (typed: string, existing: string) => compareNames(norm(typed), norm(existing));

describe('a match says why, in reason codes with the words concerned', () => {
  test('given a homophone typo, then it is a typo naming the typed and the existing character', () => {
    expect(compare('杭州星晨科技有限公司', '杭州星辰科技有限公司')).toMatchObject({ verdict: 'typo', reasons: [{ code: 'typo', typed: '晨', existing: '辰', how: 'homophone' }] });
  });

  test('given a look-alike character and an English keyboard slip, then each typo says how it slipped', () => {
    expect(compare('苏州已丰食品有限公司', '苏州己丰食品有限公司').reasons).toContainEqual({ code: 'typo', typed: '已', existing: '己', how: 'look-alike' });
    expect(compare('Acne Foods Co., Ltd.', 'Acme Foods Co., Ltd.').reasons).toContainEqual({ code: 'typo', typed: 'n', existing: 'm', how: 'keyboard' });
  });

  test('given the same brand in another line of business, then it is different and says which words differ', () => {
    expect(compare('杭州星辰物流有限公司', '杭州星辰科技有限公司')).toMatchObject({
      verdict: 'different',
      reasons: [{ code: 'same-brand', words: '星辰' }, { code: 'industry-differs', typed: '物流', existing: '科技' }],
    });
    expect(compare('Acme Fishing Ltd', 'Acme Shipping Ltd').reasons).toContainEqual({ code: 'industry-differs', typed: 'fishing', existing: 'shipping' });
  });

  test('given another city, a brand one character off, and two branches, then each difference is named', () => {
    expect(compare('苏州星辰科技有限公司', '杭州星辰科技有限公司').reasons).toContainEqual({ code: 'region-differs', typed: '苏州', existing: '杭州' });
    expect(compare('杭州星光科技有限公司', '杭州星辰科技有限公司').reasons).toContainEqual({ code: 'brand-differs', typed: '星光', existing: '星辰' });
    expect(compare('杭州星辰科技有限公司上海分公司', '杭州星辰科技有限公司北京分公司').reasons).toContainEqual({ code: 'branches-differ', typed: '上海分公司', existing: '北京分公司' });
  });

  test('given a short form without region and legal form, then it is a variant explaining what was left out', () => {
    const c = compare('星辰', '杭州星辰科技有限公司');
    expect(c.verdict).toBe('variant');
    expect(c.reasons).toEqual([{ code: 'same-brand', words: '星辰' }, { code: 'words-missing', words: '科技' }, { code: 'region-missing', region: '杭州' }, { code: 'legal-form-missing' }]);
  });

  test('given a branch, the group, or another legal form, then it is related and says which', () => {
    expect(compare('杭州星辰科技有限公司上海分公司', '杭州星辰科技有限公司')).toMatchObject({ verdict: 'related', reasons: expect.arrayContaining([{ code: 'branch-of', branch: '上海分公司' }]) });
    expect(compare('星辰集团有限公司', '杭州星辰科技有限公司').reasons).toContainEqual({ code: 'group-of', words: '集团' });
    expect(compare('杭州星辰科技股份有限公司', '杭州星辰科技有限公司').reasons).toContainEqual({ code: 'legal-form-differs', typed: 'joint-stock', existing: 'limited' });
  });
});

describe('the registrant and the console see the same judgement', () => {
  test('given an existing Account, when a registrant types it with a homophone typo, then checkAccountName offers it as a typo and keeps their text; submit asks the same', async () => {
    const deps = await registrationDeps({ account: { duplicate_check: 'fuzzy' } });
    const id = await addAccount(deps, '杭州星辰科技有限公司');
    const out = await checkAccountName(deps, caller(), '杭州星晨科技有限公司');
    expect(out).toEqual({ match: 'fuzzy', typed: '杭州星晨科技有限公司', candidate: { id, name: '杭州星辰科技有限公司', kind: 'typo', reasons: [{ code: 'typo', typed: '晨', existing: '辰', how: 'homophone' }] } });
    const who = caller();
    const phone = freshMobile();
    await provePhone(deps, who, phone);
    const asked = await submitRegistration(deps, who, { account: { name: '杭州星晨科技有限公司' }, contact: { name: '甲', mobile1: phone }, consent }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(asked).toBeInstanceOf(AppError);
    expect((asked as AppError).params).toMatchObject({ candidateId: id, candidateKind: 'typo', typed: '杭州星晨科技有限公司' });
    // declining keeps the registrant's own name, flagged for review
    const declined = await submitRegistration(deps, who, { account: { name: '杭州星晨科技有限公司' }, contact: { name: '甲', mobile1: phone }, consent, declinedCandidateId: id });
    expect(declined.account).toMatchObject({ name: '杭州星晨科技有限公司', matched: 'new' });
    expect(await deps.store.get('accounts', declined.account.id)).toMatchObject({ needs_review: true, review_reasons: ['possible-duplicate'], possible_duplicate_of: id });
  });

  test('given the console typing names, then findDuplicates lists what a registrant would be offered, and related or different names explained but not offered', async () => {
    const deps = await registrationDeps();
    const typo = await addAccount(deps, '杭州星辰科技有限公司');
    const other = await addAccount(deps, '杭州星辰物流有限公司');
    const out = await findDuplicates(deps, '杭州星晨科技有限公司');
    expect(out.candidates.find((c) => c.id === typo)).toMatchObject({ kind: 'typo', offered: true, reason: 'fuzzy' });
    const rel = await findDuplicates(deps, '杭州星辰科技股份有限公司');
    expect(rel.candidates.find((c) => c.id === typo)).toMatchObject({ kind: 'related', offered: false });
    expect(rel.candidates.find((c) => c.id === other)?.offered ?? false).toBe(false);
  });
});
