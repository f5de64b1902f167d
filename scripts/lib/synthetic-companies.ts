/**
 * Synthetic Chinese companies for the bundled registry sample and the duplicate-check benchmark:
 * region + brand + industry + legal form, with unified social credit codes whose check digits are valid
 * (GB 32100-2015 for the code, GB 11714 for the embedded organisation code). Deterministic for a seed.
 */
import { USCC_ALPHABET, usccCheckChar } from '../../cloudfunctions/core/accounts/uscc';

export interface SyntheticCompany {
  name: string;
  creditCode: string;
  status: 'active' | 'revoked' | 'cancelled';
  legalRepresentative: string;
  establishedOn: string;
}

/** mulberry32: a tiny, fast, seedable PRNG (not for secrets). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** City, and the administrative division code its codes carry (first four digits + 00). */
const CITIES: Array<[string, string]> = [
  ['北京', '110100'], ['上海', '310100'], ['天津', '120100'], ['重庆', '500100'], ['杭州', '330100'], ['宁波', '330200'], ['温州', '330300'],
  ['苏州', '320500'], ['南京', '320100'], ['无锡', '320200'], ['常州', '320400'], ['深圳', '440300'], ['广州', '440100'], ['东莞', '441900'],
  ['佛山', '440600'], ['珠海', '440400'], ['成都', '510100'], ['武汉', '420100'], ['西安', '610100'], ['长沙', '430100'], ['郑州', '410100'],
  ['济南', '370100'], ['青岛', '370200'], ['合肥', '340100'], ['福州', '350100'], ['厦门', '350200'], ['南昌', '360100'], ['昆明', '530100'],
  ['贵阳', '520100'], ['南宁', '450100'], ['沈阳', '210100'], ['大连', '210200'], ['长春', '220100'], ['哈尔滨', '230100'], ['石家庄', '130100'],
  ['太原', '140100'], ['兰州', '620100'], ['海口', '460100'], ['嘉兴', '330400'], ['绍兴', '330600'], ['金华', '330700'], ['台州', '331000'],
];

const BRAND_CHARS =
  '星辰恒泰蓝海华信瑞达鼎盛宏远博雅正源天成金诚汇通中联启明嘉禾永安祥和盛世东方新元创达卓越精诚鑫源凯旋德润晨光联创泓景锦程安捷' +
  '致远青云飞鸿明阳海纳万象同舟云帆远航星河天工九州瀚宇华宸宁康泽润崇德弘毅立信睿智思源光辉朗润聚力凌云聚鑫宏图百川长青翔宇';
const INDUSTRIES = [
  '科技', '信息技术', '网络科技', '电子', '精密机械', '医疗器械', '生物科技', '环保科技', '新能源', '智能装备', '软件', '数据服务', '物流',
  '供应链管理', '餐饮管理', '食品', '农业发展', '建筑工程', '装饰设计', '广告传媒', '文化传播', '教育咨询', '企业管理咨询', '贸易', '进出口',
  '商贸', '电气', '自动化设备', '化工', '新材料', '汽车零部件', '医药', '健康管理', '物业管理', '酒店管理', '旅游开发', '通信技术', '光电科技',
];
const FORMS = ['有限公司', '有限公司', '有限公司', '股份有限公司', '有限责任公司'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕鹏辉斌宇浩凯健俊帆帅旭宁波峰建国志';

const pick = <T>(rnd: () => number, items: ArrayLike<T>): T => items[Math.floor(rnd() * items.length)];

/** GB 11714 organisation code: eight characters and a check character. */
function organisationCode(rnd: () => number): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let body = '';
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = pick(rnd, '0123456789ABCDEFGHJKLMNPQRTUWXY');
    body += ch;
    sum += (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55) * weights[i];
  }
  const c = 11 - (sum % 11);
  return body + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

/** 9 (registered by market regulation) 1 (a company) + division + organisation code + check character. */
export function syntheticUscc(rnd: () => number, division: string): string {
  const first17 = `91${division}${organisationCode(rnd)}`;
  if (first17.length !== 17 || [...first17].some((c) => !USCC_ALPHABET.includes(c))) throw new Error(`bad code body ${first17}`);
  return first17 + usccCheckChar(first17);
}

export function syntheticName(rnd: () => number): { name: string; division: string } {
  const [city, division] = pick(rnd, CITIES);
  const brand = pick(rnd, BRAND_CHARS) + pick(rnd, BRAND_CHARS);
  const industry = pick(rnd, INDUSTRIES);
  const form = pick(rnd, FORMS);
  const style = rnd();
  // Most names lead with the city; some bracket it after the brand, as registries often do.
  const name = style < 0.7 ? `${city}${style < 0.2 ? '市' : ''}${brand}${industry}${form}` : style < 0.9 ? `${brand}${industry}(${city})${form}` : `${brand}${industry}${form}`;
  return { name, division };
}

/** `count` companies with distinct names and codes. */
export function syntheticCompanies(count: number, seed: number, fixed: SyntheticCompany[] = []): SyntheticCompany[] {
  const rnd = prng(seed);
  const out: SyntheticCompany[] = [...fixed];
  const names = new Set(out.map((c) => c.name));
  const codes = new Set(out.map((c) => c.creditCode));
  while (out.length < count) {
    const { name, division } = syntheticName(rnd);
    const creditCode = syntheticUscc(rnd, division);
    if (names.has(name) || codes.has(creditCode)) continue;
    names.add(name);
    codes.add(creditCode);
    const r = rnd();
    const year = 1995 + Math.floor(rnd() * 30);
    const month = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
    out.push({
      name,
      creditCode,
      status: r < 0.9 ? 'active' : r < 0.95 ? 'revoked' : 'cancelled',
      legalRepresentative: pick(rnd, SURNAMES) + pick(rnd, GIVEN) + (rnd() < 0.5 ? pick(rnd, GIVEN) : ''),
      establishedOn: `${year}-${month}-${day}`,
    });
  }
  return out;
}
