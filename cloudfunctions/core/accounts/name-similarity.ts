import type { CompanyName } from './company-name';
import { canonicalText } from './confusables';

/**
 * Fuzzy company-name similarity over character bigrams of the normalised core. Industry words (科技,
 * 信息, 技术, …) say little about *which* company it is, so bigrams inside them weigh little and are not
 * indexed; region and branch conflicts push the score down hard (杭州星辰 ≠ 苏州星辰, a branch ≠ its head).
 */
const INDUSTRY_WORDS =
  '科技 信息 技术 网络 电子 贸易 实业 发展 商贸 工程 管理 咨询 服务 设备 机械 制造 国际 控股 投资 建设 文化 传媒 医疗 器械 生物 环保 能源 ' +
  '材料 智能 软件 数据 物流 供应链 餐饮 食品 农业 集团 精密 电气 自动化 系统 工业 商务 企业 教育 装饰 设计 广告 建筑 环境 汽车 医药 健康 ' +
  '化工 进出口 金融 资产 置业 房地产 物业 酒店 旅游 运输 通信 电力 安装 劳务 人力资源 开发 研究 检测 仪器 仪表 纺织 服装 印刷 包装 五金 ' +
  '建材 家具 电器 光电 半导体 新材料 新能源 机电 机器人 计算机 互联网 云计算 人工智能 经营 销售 生产 加工 营销 策划 创新 创意 实验 ' +
  '科学 工贸 贸易行 商行 门市部 经营部 中心 研究院 研究所 事务所 工作室 合作社 有限 责任 ' +
  '地产 货运 快递 仓储 航运 船务 海运 水产 渔业 养殖 种植 农牧 畜牧 牧业 乳业 酒业 茶业 药业 制药 石化 化学 塑料 塑胶 橡胶 钢铁 金属 矿业 ' +
  '煤业 煤炭 水泥 玻璃 陶瓷 涂料 照明 灯饰 家居 家纺 日用品 化妆品 美容 健身 体育 文旅 影视 传播 出版 娱乐 游戏 动漫 会展 展览 租赁 担保 ' +
  '保险 证券 基金 信托 支付 物联网 区块链 大数据 新媒体 电商 电子商务 光伏 风电 储能 锂电 电池 汽配 配件 零部件 模具 阀门 泵业 轴承 液压 ' +
  '机床 重工 船舶 航空 航天 医院 诊所 门诊 口腔 药房 大药房 超市 百货 商场 连锁 家政 保洁 保安 人力 外包 培训 律师 会计 税务 审计 评估 ' +
  '认证 检验 测绘 勘察 规划 园林 绿化 市政 路桥 水利 消防 防水 钢结构 幕墙 门窗 装修 建工 房屋 回收 环卫 水务 燃气 热力 资本 财富 ' +
  '传播 影业 音乐 艺术 摄影 印务 纸业 木业 竹业 石材 粮油 果业 蔬菜 饮品 饮料 烘焙 ' +
  '集团 控股 实业 通讯 电缆 线缆 光纤 车业 车辆 摩托 ' +
  '国贸 外贸 电器 家电 厨具 卫浴 洁具 灯具 布业 丝绸 皮革 鞋业 服饰 眼镜 珠宝 黄金 首饰 钟表 玩具 文具 体育用品 母婴 宠物 花卉 苗木 茶叶';

/** Words that name a line of business the same way (技术 is 科技 in a company name). */
export const INDUSTRY_SYNONYMS: Record<string, string> = { 技术: '科技', 通讯: '通信', 商贸: '贸易', 工贸: '贸易', 房地产: '地产', 传播: '传媒', 制药: '医药', 药业: '医药' };
/** Words that say a company is a group or a holding: the group of a subsidiary is related, not different. */
export const GROUP_WORDS: ReadonlySet<string> = new Set(['集团', '控股', 'group', 'holdings', 'holding']);
/** Words too general to tell two lines of business apart. */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(['发展', '国际', '有限', '责任', '企业', '创新', '实业', '管理', '精密', 'international', 'global', 'industries', 'enterprises', 'worldwide', 'company', 'services', 'solutions']);

/**
 * English business words: a name's other words are its brand. "Foods" and "Farms" are two lines of
 * business, as are "Shipping" and "Fishing", however alike they look.
 */
export const ENGLISH_INDUSTRY_WORDS: ReadonlySet<string> = new Set(
  ('foods food farms farm fishing fisheries shipping trading training logistics electronics electric electrical textiles pharmaceuticals pharma ' +
    'motors motor software consulting consultants construction plastics packaging printing marine mining steel chemicals chemical capital realty ' +
    'properties property medical energy apparel garments furniture beverages brewing brewery wines coffee tea dairy seafood technology technologies ' +
    'systems networks media entertainment studios games robotics automation machinery machines engineering instruments semiconductors semiconductor materials ' +
    'metals resources minerals oil gas petroleum power solar insurance finance financial securities investments investment banking travel tours hotels ' +
    'hospitality airlines aviation freight express transport transportation cargo trucking containers paper glass ceramics cosmetics beauty health ' +
    'healthcare biotech biosciences laboratories labs diagnostics devices optics optical lighting telecom communications wireless data analytics cloud digital ' +
    'design architecture interiors builders homes housing development estates land agriculture seeds fertilizers catering restaurants bakery bakeries ' +
    'services industries enterprises international global group holdings holding partners associates brothers ventures management advisory education ' +
    'learning academy publishing advertising marketing retail stores wholesale imports exports import export trade commerce toys jewelry jewellery ' +
    'fashion footwear sports fitness pets flowers garden auto automotive parts tools hardware cables fibers solutions worldwide company')
    .split(' '),
);

export const LOW_WEIGHT = 0.15;

const STOP_GRAMS: ReadonlySet<string> = (() => {
  const grams = new Set<string>();
  for (const word of INDUSTRY_WORDS.split(/\s+/)) for (const g of bigramsOf(canonicalText(word))) grams.add(g);
  return grams;
})();

/** The distinct character bigrams of `text` (code points, not UTF-16 units); a 1-character text is its own gram. */
export function bigramsOf(text: string): string[] {
  const chars = Array.from(text);
  if (chars.length < 2) return chars.length ? [chars[0]] : [];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return [...out];
}

export const gramWeight = (gram: string): number => (STOP_GRAMS.has(gram) ? LOW_WEIGHT : 1);

/**
 * The bigrams worth an index entry: those that can tell companies apart, spelled by sound and shape
 * (`canonicalText`) so that a homophone or look-alike typo still shares them.
 */
export function indexedGrams(core: string): string[] {
  const all = bigramsOf(canonicalText(core));
  const grams = all.filter((g) => !STOP_GRAMS.has(g));
  // A name made only of industry words still needs to be findable by something.
  return grams.length ? grams : all;
}


/** Industry words by first character, longest first: the split looks at a handful per position, not all. */
const WORDS_BY_FIRST = (() => {
  const map = new Map<string, string[]>();
  for (const w of [...new Set(INDUSTRY_WORDS.split(/\s+/))].sort((x, y) => y.length - x.length)) {
    const list = map.get(w[0]) ?? [];
    list.push(w);
    map.set(w[0], list);
  }
  return map;
})();

/** Splits a core into its brand (what is left) and the industry words it names: 星辰信息科技 → 星辰 + {信息, 科技}. */
export function splitIndustry(core: string): { brand: string; industries: Set<string> } {
  const industries = new Set<string>();
  let brand = '';
  for (let i = 0; i < core.length; ) {
    const word = WORDS_BY_FIRST.get(core[i])?.find((w) => core.startsWith(w, i));
    if (word) {
      industries.add(INDUSTRY_SYNONYMS[word] ?? word);
      i += word.length;
    } else {
      brand += core[i];
      i += 1;
    }
  }
  return { brand: brand || core, industries };
}

/** Mean of the (weighted) Dice coefficient and the containment of the smaller gram set in the larger. */
function overlap(ga: string[], gb: string[], weight: (g: string) => number): number {
  const setB = new Set(gb);
  let wa = 0;
  let shared = 0;
  for (const g of ga) {
    const w = weight(g);
    wa += w;
    if (setB.has(g)) shared += w;
  }
  let wb = 0;
  for (const g of setB) wb += weight(g);
  if (wa === 0 || wb === 0) return 0;
  return ((2 * shared) / (wa + wb) + shared / Math.min(wa, wb)) / 2;
}

/** How alike two names look, 0..1, before any judgement: brand bigrams and whole-core bigrams, industry ones down-weighted. */
export function lookAlike(a: CompanyName, b: CompanyName, brandA: string, brandB: string): number {
  const brand = overlap(bigramsOf(canonicalText(brandA)), bigramsOf(canonicalText(brandB)), () => 1);
  const core = overlap(bigramsOf(canonicalText(a.core)), bigramsOf(canonicalText(b.core)), gramWeight);
  return (brand + core) / 2;
}
