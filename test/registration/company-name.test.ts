import { normaliseCompanyName as norm } from '../../cloudfunctions/core/accounts/company-name';
import { regionsCompatible } from '../../cloudfunctions/core/accounts/regions';

const key = (s: string) => norm(s).key;

describe('normaliseCompanyName', () => {
  test('given full-width text, brackets, spaces and punctuation, then they do not change the key', () => {
    expect(key('杭州星辰科技有限公司')).toBe('杭州|星辰科技|');
    expect(key('星辰科技（杭州）有限公司')).toBe('杭州|星辰科技|');
    expect(key('星辰科技【杭州】有限公司')).toBe('杭州|星辰科技|');
    expect(key(' 杭州 星辰·科技 有限公司 ')).toBe('杭州|星辰科技|');
    expect(key('ＡＢＣ科技有限公司')).toBe(key('abc科技有限公司'));
  });

  test('given legal-form suffixes of a plain company, then they are dropped (有限公司, 有限责任公司, Co., Ltd.)', () => {
    expect(key('杭州星辰科技有限责任公司')).toBe('杭州|星辰科技|');
    expect(key('杭州星辰科技')).toBe('杭州|星辰科技|');
    expect(key('Acme Robotics Co., Ltd.')).toBe('|acmerobotics|');
    expect(key('ACME ROBOTICS LIMITED')).toBe('|acmerobotics|');
  });

  test('given another legal form (股份有限公司, 有限合伙, PLC), then it stays in the key: related, never the same key', () => {
    expect(key('杭州星辰科技股份有限公司')).toBe('杭州|星辰科技||joint-stock');
    expect(key('星辰投资咨询（有限合伙）')).not.toBe(key('星辰投资咨询有限公司'));
    expect(key('Acme Foods PLC')).not.toBe(key('Acme Foods Co., Ltd.'));
    expect(norm('杭州星辰科技股份有限公司上海分公司')).toMatchObject({ form: 'joint-stock', branch: '上海分公司' });
  });

  test('given English names, then regions, abbreviations and "Co., Ltd." vs "Company Limited" come off word by word', () => {
    expect(norm('Acme Foods (Shanghai) Co., Ltd.')).toMatchObject({ region: '上海', core: 'acmefoods', words: ['acme', 'foods'] });
    expect(key('Shanghai Acme Foods Company Limited')).toBe(key('Acme Foods (Shanghai) Co., Ltd.'));
    expect(key('Acme Intl Trading Ltd')).toBe(key('Acme International Trading Limited'));
    expect(key('Smith & Sons Trading')).toBe(key('Smith and Sons Trading Co., Ltd.'));
    expect(norm('Acme Foods Co., Ltd. Beijing Branch')).toMatchObject({ core: 'acmefoods', branch: '北京branch' });
  });

  test('given an English name ending in letters that spell a form, then only whole words are dropped', () => {
    expect(norm('Costco').core).toBe('costco');
    expect(norm('Costco Inc.').core).toBe('costco');
  });

  test('given region words, then they are split off and kept, the most specific one counting', () => {
    expect(norm('深圳市蓝海医疗器械有限公司')).toMatchObject({ region: '深圳', core: '蓝海医疗器械' });
    expect(norm('浙江省杭州市星辰科技有限公司')).toMatchObject({ region: '杭州', core: '星辰科技' });
    expect(norm('星辰科技（中国）有限公司')).toMatchObject({ region: '中国', core: '星辰科技' });
    expect(norm('星辰科技有限公司')).toMatchObject({ region: '', core: '星辰科技' });
  });

  test('given the same name in two cities, then the keys differ (杭州星辰 ≠ 苏州星辰)', () => {
    expect(key('杭州星辰科技有限公司')).not.toBe(key('苏州星辰科技有限公司'));
    expect(regionsCompatible('杭州', '苏州')).toBe(false);
    expect(regionsCompatible('杭州', '浙江')).toBe(true);
    expect(regionsCompatible('杭州', '')).toBe(true);
  });

  test('given a branch, then it is not its head office, and two branches differ', () => {
    const head = norm('杭州星辰科技有限公司');
    const branch = norm('杭州星辰科技有限公司上海分公司');
    expect(branch).toMatchObject({ region: '杭州', core: '星辰科技', branch: '上海分公司' });
    expect(branch.key).not.toBe(head.key);
    expect(key('杭州星辰科技有限公司（上海分公司）')).toBe(branch.key);
    expect(key('杭州星辰科技有限公司上海市分公司')).toBe(branch.key);
    expect(key('杭州星辰科技有限公司北京分公司')).not.toBe(branch.key);
  });

  test('given a name that is only a region and a legal form, then the region is the name', () => {
    expect(norm('上海有限公司')).toMatchObject({ core: '上海', region: '' });
  });
});
