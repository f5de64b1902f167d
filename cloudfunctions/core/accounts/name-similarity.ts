import type { CompanyName } from './company-name';
import { regionsCompatible } from './regions';

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
  '科学 工贸 贸易行 商行 门市部 经营部 中心 研究院 研究所 事务所 工作室 合作社 有限 责任';

export const LOW_WEIGHT = 0.15;

const STOP_GRAMS: ReadonlySet<string> = (() => {
  const grams = new Set<string>();
  for (const word of INDUSTRY_WORDS.split(/\s+/)) for (const g of bigramsOf(word)) grams.add(g);
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

/** The bigrams worth an index entry: those that can tell companies apart. */
export function indexedGrams(core: string): string[] {
  const grams = bigramsOf(core).filter((g) => !STOP_GRAMS.has(g));
  // A name made only of industry words still needs to be findable by something.
  return grams.length ? grams : bigramsOf(core);
}

/** Penalty factors for evidence that two names are *different* companies. */
export const REGION_CONFLICT = 0.25;
export const BRANCH_CONFLICT = 0.25;
/** Same brand, but no line of business in common (星辰科技 vs 星辰电子): often sister or unrelated companies. */
export const INDUSTRY_CONFLICT = 0.6;

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
      industries.add(word);
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

/**
 * 0..1: half the similarity of the brands (the name without industry words: 星辰 in 杭州星辰信息科技), half
 * that of the whole cores with industry bigrams down-weighted. "星辰" or "星辰信息科技" for 星辰科技 score
 * high; 星光科技 does not. Region and branch conflicts, and brands in different lines of business, are
 * evidence of different companies and scale the score down.
 */
export function scoreNames(a: CompanyName, b: CompanyName): number {
  if (a.key === b.key) return 1;
  const sa = splitIndustry(a.core);
  const sb = splitIndustry(b.core);
  const brand = overlap(bigramsOf(sa.brand), bigramsOf(sb.brand), () => 1);
  const core = overlap(bigramsOf(a.core), bigramsOf(b.core), gramWeight);
  let score = (brand + core) / 2;
  if (sa.industries.size && sb.industries.size && ![...sa.industries].some((w) => sb.industries.has(w))) score *= INDUSTRY_CONFLICT;
  if (!regionsCompatible(a.region, b.region)) score *= REGION_CONFLICT;
  if (a.branch !== b.branch) score *= BRANCH_CONFLICT;
  return score;
}

/** At or above this, a candidate is offered to the registrant ("Is this your company?"). */
export const FUZZY_THRESHOLD = 0.7;
