import type { MatchKind, MatchReason, TypoHow } from '../contracts/registration';
import type { CompanyName } from './company-name';
import { homophones, keyboardNeighbours, lookAlikes } from './confusables';
import { regionsCompatible } from './regions';
import { ENGLISH_INDUSTRY_WORDS, GENERIC_WORDS, GROUP_WORDS, lookAlike, splitIndustry } from './name-similarity';

/**
 * Judges whether a typed company name and an existing Account's name are one company, and says why in
 * reason codes a person can read once localised. The judgement is made on evidence (region, brand,
 * line of business, branch, legal form), not on a similarity figure alone: 星辰科技 and 星辰物流 look
 * alike and are two companies; 星晨科技 looks less alike and is a typo of 星辰科技.
 */
export type MatchVerdict = MatchKind;
export type { MatchReason, TypoHow };

export interface NameComparison {
  verdict: MatchVerdict;
  /** 0..1, for ranking; at or above OFFER_SCORE exactly when the verdict is offered */
  score: number;
  reasons: MatchReason[];
}

/**
 * The one threshold policy: what the registrant is offered ("Is this your company?"). Related companies
 * (a branch, the group, another legal form) are listed for admins with the reason, not offered: a
 * registrant of a branch is not asked whether they are its head office.
 */
export const OFFERED: ReadonlySet<MatchVerdict> = new Set(['exact', 'variant', 'typo']);
export const OFFER_SCORE = 0.75;
/** What the console's duplicate list also shows (explained, not offered). */
export const LIST_SCORE = 0.4;

const SCORE: Record<Exclude<MatchVerdict, 'different'>, number> = { exact: 1, variant: 0.92, typo: 0.85, related: 0.7 };

interface Parts {
  brand: string;
  industries: Set<string>;
  latin: boolean;
  /** English words, for initials */
  words: string[];
}

/** Brand and business words. English: trailing business words are the business; the words before, the brand. */
export function partsOf(n: CompanyName): Parts {
  if (n.words) {
    const words = n.words;
    let cut = words.length;
    while (cut > 1 && ENGLISH_INDUSTRY_WORDS.has(words[cut - 1])) cut--;
    // a misspelt business word is still one (Shiping for Shipping), but only if it is no word of its own
    const industries = new Set(words.slice(cut));
    const brandWords = words.slice(0, cut);
    while (brandWords.length > 1) {
      const fixed = nearestIndustryWord(brandWords[brandWords.length - 1]);
      if (!fixed) break;
      industries.add(fixed);
      brandWords.pop();
    }
    return { brand: brandWords.join(''), industries, latin: true, words };
  }
  const { brand, industries } = splitIndustry(n.core);
  return { brand, industries, latin: false, words: [] };
}

function nearestIndustryWord(word: string): string | null {
  if (word.length < 5) return null;
  for (const w of ENGLISH_INDUSTRY_WORDS) if (Math.abs(w.length - word.length) <= 1 && typoOf(word, w, true)) return w;
  return null;
}

/** A single slip that turns `existing` into `typed`, or null. Chinese: homophone, look-alike or a doubled character. */
function typoOf(typed: string, existing: string, latin: boolean): { how: TypoHow; typed: string; existing: string } | null {
  const a = Array.from(typed);
  const b = Array.from(existing);
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 1) {
      const [x, y] = [a[diff[0]], b[diff[0]]];
      if (homophones(x, y)) return { how: 'homophone', typed: x, existing: y };
      if (lookAlikes(x, y)) return { how: 'look-alike', typed: x, existing: y };
      if (latin && keyboardNeighbours(x, y)) return { how: 'keyboard', typed: x, existing: y };
      return null;
    }
    if (latin && diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]]) {
      return { how: 'transposed', typed: a[diff[0]] + a[diff[1]], existing: b[diff[0]] + b[diff[1]] };
    }
    return null;
  }
  const [long, short, extra] = a.length > b.length ? [a, b, true] : [b, a, false];
  if (long.length !== short.length + 1) return null;
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  if (long.slice(i + 1).join('') !== short.slice(i).join('')) return null;
  const ch = long[i];
  const doubled = long[i - 1] === ch || long[i + 1] === ch;
  if (doubled) return { how: 'doubled', typed: extra ? ch + ch : ch, existing: extra ? ch : ch + ch };
  // a dropped or stray letter only reads as a slip in a word long enough to stay recognisable
  if (latin && short.length >= 4) return extra ? { how: 'extra', typed: ch, existing: '' } : { how: 'dropped', typed: '', existing: ch };
  return null;
}

const initials = (words: string[]) => words.map((w) => w[0]).join('');

function industryWords(set: Set<string>): Set<string> {
  return new Set([...set].filter((w) => !GENERIC_WORDS.has(w) && !GROUP_WORDS.has(w)));
}

const isGroup = (p: Parts) => [...p.industries].some((w) => GROUP_WORDS.has(w));
const join = (set: Iterable<string>, latin: boolean) => [...set].join(latin ? ' ' : '');

/**
 * `typed` is what a person entered, `existing` an Account's name. Reasons come in the order a person
 * reads them: what matched, then what differs. `rank: false` skips grading names judged different.
 */
export function compareNames(typed: CompanyName, existing: CompanyName, opts: { rank?: boolean } = {}): NameComparison {
  if (typed.key === existing.key) return { verdict: 'exact', score: 1, reasons: [{ code: 'same-name' }] };
  const pa = partsOf(typed);
  const pb = partsOf(existing);
  const reasons: MatchReason[] = [];
  const against: MatchReason[] = [];
  let related = false;

  // brand
  let typo: ReturnType<typeof typoOf> = null;
  if (pa.brand === pb.brand) reasons.push({ code: 'same-brand', words: pb.brand });
  else if ((typo = typoOf(pa.brand, pb.brand, pa.latin && pb.latin))) reasons.push({ code: 'typo', ...typo });
  else if (pa.latin && pb.latin && pa.words.length === 1 && pb.words.length > 1 && pa.brand === initials(pb.words)) reasons.push({ code: 'abbreviation', typed: pa.brand, existing: pb.words.join(' ') });
  else against.push({ code: 'brand-differs', typed: pa.brand, existing: pb.brand });

  // line of business
  const ia = industryWords(pa.industries);
  const ib = industryWords(pb.industries);
  const common = [...ia].filter((w) => ib.has(w));
  const abbreviated = reasons.some((r) => r.code === 'abbreviation');
  if (!abbreviated && ia.size && ib.size && !common.length) {
    if (isGroup(pa) !== isGroup(pb)) related = true;
    else against.push({ code: 'industry-differs', typed: join(ia, pa.latin), existing: join(ib, pb.latin) });
  } else if (!abbreviated) {
    const missing = [...pb.industries].filter((w) => !pa.industries.has(w));
    const extra = [...pa.industries].filter((w) => !pb.industries.has(w));
    if (missing.length) reasons.push({ code: 'words-missing', words: join(missing, pb.latin) });
    if (extra.length) reasons.push({ code: 'words-extra', words: join(extra, pa.latin) });
  }
  if (isGroup(pa) !== isGroup(pb) && !against.some((r) => r.code === 'brand-differs')) {
    related = true;
    reasons.push({ code: 'group-of', words: join([...(isGroup(pa) ? pa : pb).industries].filter((w) => GROUP_WORDS.has(w)), pa.latin) });
  }

  // region
  if (!regionsCompatible(typed.region, existing.region)) against.push({ code: 'region-differs', typed: typed.region, existing: existing.region });
  else if (!typed.region !== !existing.region) reasons.push({ code: 'region-missing', region: typed.region || existing.region });
  else if (typed.region !== existing.region) reasons.push({ code: 'region-wider', typed: typed.region, existing: existing.region });

  // branch
  if (typed.branch !== existing.branch) {
    if (typed.branch && existing.branch) against.push({ code: 'branches-differ', typed: typed.branch, existing: existing.branch });
    else {
      related = true;
      reasons.push({ code: 'branch-of', branch: typed.branch || existing.branch });
    }
  }

  // legal form
  const fa = typed.form ?? '';
  const fb = existing.form ?? '';
  if (fa && fb && fa !== fb) {
    related = true;
    reasons.push({ code: 'legal-form-differs', typed: fa, existing: fb });
  } else if (!fa !== !fb) reasons.push({ code: 'legal-form-missing' });

  if (against.length) {
    // not offered; how alike they look ranks the console's list, below the offer line (skipped when only the offer matters)
    const alike = opts.rank === false ? 0.5 : lookAlike(typed, existing, pa.brand, pb.brand);
    const score = Math.min(SCORE.related - 0.01, alike * (against.length > 1 ? 0.5 : 0.9));
    return { verdict: 'different', score: Math.round(score * 1000) / 1000, reasons: [...reasons, ...against] };
  }
  const verdict: MatchVerdict = related ? 'related' : typo ? 'typo' : 'variant';
  const missingWords = reasons.filter((r) => r.code === 'words-missing' || r.code === 'words-extra' || r.code === 'region-missing').length;
  return { verdict, score: SCORE[verdict] - 0.01 * missingWords, reasons };
}

export const offered = (c: NameComparison): boolean => OFFERED.has(c.verdict);

/** The ranking figure alone (searches that only sort). */
export const scoreNames = (typed: CompanyName, existing: CompanyName): number => compareNames(typed, existing).score;
