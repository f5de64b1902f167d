import { leadingRegion, wholeRegion, type Region } from './regions';

/**
 * A company name reduced to what identifies the company (DESIGN §3):
 * - full-width → half-width (NFKC), lower case, brackets of every kind unified, then spaces and
 *   punctuation dropped;
 * - legal-form suffixes dropped (有限公司, 股份有限公司, 有限责任公司, Co., Ltd., …);
 * - region words split off and kept (深圳市…, …(北京)…): `region`;
 * - a branch (…上海分公司) split off and kept: `branch` — a branch is not its head office.
 */
export interface CompanyName {
  /** the exact duplicate key: region, core, branch, and the legal form when it is not a plain company; equal keys are the same company */
  key: string;
  /** what is left: brand and industry words */
  core: string;
  /** the most specific region named ('' when none) */
  region: string;
  /** '' for a head office; otherwise the branch's place and kind, e.g. 上海分公司 */
  branch: string;
  /** the legal form named ('' when none): 有限公司 and Co., Ltd. are `limited`, 股份有限公司 `joint-stock` */
  form?: LegalForm;
  /** an English name's words (after legal forms and regions), for word-wise comparison; absent for Chinese */
  words?: string[];
}

export type LegalForm = '' | 'limited' | 'joint-stock' | 'partnership';

/** A plain company (有限公司, Co., Ltd., none) is the default; other forms are part of the key (有限公司 ≠ 股份有限公司). */
const keyOf = (region: string, core: string, branch: string, form: LegalForm) =>
  `${region}|${core}|${branch}${form === 'joint-stock' || form === 'partnership' ? `|${form}` : ''}`;

const FORM_OF: Record<string, LegalForm> = {
  股份有限公司: 'joint-stock',
  股份公司: 'joint-stock',
  股份合作公司: 'joint-stock',
  有限合伙: 'partnership',
  普通合伙: 'partnership',
  合伙企业: 'partnership',
  plc: 'joint-stock',
  lp: 'partnership',
  llp: 'partnership',
};
const formOf = (word: string): LegalForm => FORM_OF[word] ?? 'limited';

/** Longest first, so 股份有限公司 is not read as …股份 + 有限公司. */
const LEGAL_FORMS = ['股份有限公司', '有限责任公司', '股份合作公司', '有限合伙', '普通合伙', '合伙企业', '有限公司', '股份公司', '总公司', '公司'];
const LEGAL_FORMS_EN = new Set(['co', 'ltd', 'limited', 'inc', 'incorporated', 'corp', 'corporation', 'llc', 'company', 'plc', 'gmbh', 'llp', 'lp']);
const BRANCH_KINDS = ['分公司', '分厂', '分店', '分部', '分所', '分院', '分行', '支行', '分中心', '办事处', '营业部', '代表处'];

const OPEN = /[([{（【〔［｛〈《「『]/g;
const CLOSE = /[)\]}）】〕］｝〉》」』]/g;
/** Everything that is not a letter or a digit (kept: brackets, until regions are read out of them). */
const NOISE = /[^\p{L}\p{N}()]/gu;

/** Drops trailing legal forms; `forms` receives them, outermost first. */
function stripLegalForms(s: string, forms: string[] = []): string {
  for (let changed = true; changed; ) {
    changed = false;
    for (const form of LEGAL_FORMS) {
      if (s.length > form.length && s.endsWith(form)) {
        s = s.slice(0, -form.length);
        forms.push(form);
        changed = true;
        break;
      }
    }
  }
  return s;
}

/** "abc technology co., ltd." → "abc technology": English legal forms only count as whole words. */
function stripEnglishForms(s: string, forms: string[] = []): string {
  const words = s.split(/[\s.,;&]+/).filter(Boolean);
  while (words.length > 1 && LEGAL_FORMS_EN.has(words[words.length - 1])) forms.push(words.pop() ?? '');
  return words.join(' ');
}

/** Splits a trailing branch off: 杭州星辰科技有限公司上海分公司 → [杭州星辰科技有限公司, 上海分公司]. */
function splitBranch(s: string): { head: string; branch: string } {
  const kind = BRANCH_KINDS.find((k) => s.endsWith(k) && s.length > k.length);
  if (!kind) return { head: s, branch: '' };
  const before = s.slice(0, -kind.length);
  // The head office ends at its legal form (有限公司…); the branch's place follows it.
  let cut = -1;
  for (const form of LEGAL_FORMS) {
    const at = before.lastIndexOf(form);
    if (at > 0 && at + form.length > cut) cut = at + form.length;
  }
  if (cut < 0) {
    // No legal form: the branch's place is a trailing region word (星辰科技上海分公司), if any.
    for (let i = 1; i < before.length; i++) {
      const region = wholeRegion(before.slice(i));
      if (region) return { head: before.slice(0, i), branch: region.name + kind };
    }
    return { head: before, branch: kind };
  }
  const place = before.slice(cut);
  const region = place ? wholeRegion(place) : null;
  return { head: before.slice(0, cut), branch: (region ? region.name : place) + kind };
}

/** Reads region words out of brackets and the start of the name; other bracketed text stays, unbracketed. */
function splitRegions(s: string): { rest: string; regions: Region[] } {
  const regions: Region[] = [];
  const rest = s.replace(/\(([^()]*)\)/g, (_, inner: string) => {
    const region = wholeRegion(inner);
    if (region) {
      regions.push(region);
      return '';
    }
    return inner;
  });
  let text = rest.replace(/[()]/g, '');
  // At most a country, a province and a city lead a name (中国浙江杭州…); stop at the first non-region.
  for (let i = 0; i < 3; i++) {
    const lead = leadingRegion(text);
    if (!lead || lead.length >= text.length) break;
    regions.push(lead.region);
    text = text.slice(lead.length);
  }
  return { rest: text, regions };
}

function mostSpecific(regions: Region[]): string {
  let best: Region | null = null;
  for (const r of regions) if (!best || r.level > best.level) best = r;
  return best?.name ?? '';
}

/** Words people shorten in English names; the long form is what is compared and keyed. */
const EN_ABBREVIATIONS: Record<string, string> = {
  intl: 'international',
  int: 'international',
  tech: 'technology',
  techs: 'technologies',
  mfg: 'manufacturing',
  svcs: 'services',
  svc: 'service',
  grp: 'group',
  hldgs: 'holdings',
  bros: 'brothers',
  natl: 'national',
  assoc: 'associates',
  dev: 'development',
  mgmt: 'management',
  ind: 'industries',
  inds: 'industries',
  eng: 'engineering',
  elec: 'electronics',
};
const EN_FILLERS = new Set(['and', 'the', 'of']);
const EN_BRANCH = new Set(['branch', 'office']);

export const hasCjk = (s: string) => /[\u3400-\u9fff]/.test(s);

/** The legal form a Chinese name states, read straight off the text (cheaper than normalising it). */
export function legalFormOfName(raw: string): LegalForm {
  if (/股份(有限|合作)?公司/.test(raw)) return 'joint-stock';
  if (/有限合伙|普通合伙|合伙企业/.test(raw)) return 'partnership';
  return raw.includes('公司') ? 'limited' : '';
}

/** An English name, word by word: legal forms, a branch, regions (bracketed, leading or trailing) come off. */
function normaliseEnglish(lower: string): CompanyName {
  const bracketed: string[] = [];
  const text = lower.replace(/\(([^()]*)\)/g, (_, inner: string) => {
    bracketed.push(inner);
    return ' ';
  });
  let words = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const regions: Region[] = [];
  let branch = '';
  const forms: string[] = [];
  for (const inner of bracketed) {
    const region = wholeRegion(inner.replace(/[^\p{L}]+/gu, ''));
    if (region) regions.push(region);
    else if (EN_BRANCH.has(inner.trim().split(/\s+/).pop() ?? '')) branch = inner.replace(/[^\p{L}]+/gu, '');
    else words.push(...inner.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  }
  if (words.length > 1 && EN_BRANCH.has(words[words.length - 1])) {
    const kind = words.pop() ?? '';
    const place = words.length > 1 ? wholeRegion(words[words.length - 1]) : null;
    if (place) words.pop();
    branch = (place ? place.name : '') + kind;
  }
  while (words.length > 1 && LEGAL_FORMS_EN.has(words[words.length - 1])) forms.push(words.pop() ?? '');
  // a region may also end the name before its legal form: Acme Foods Shanghai Co., Ltd.
  for (let again = true; again && words.length > 1; ) {
    again = false;
    const last = wholeRegion(words[words.length - 1]) ?? (words.length > 2 ? wholeRegion(words.slice(-2).join('')) : null);
    if (last) {
      regions.push(last);
      words = words.slice(0, wholeRegion(words[words.length - 1]) ? -1 : -2);
      again = true;
    }
  }
  while (words.length > 1 && (wholeRegion(words[0]) || wholeRegion(words.slice(0, 2).join('')))) {
    const one = wholeRegion(words[0]);
    regions.push((one ?? wholeRegion(words.slice(0, 2).join(''))) as Region);
    words = words.slice(one ? 1 : 2);
  }
  words = words.map((w) => EN_ABBREVIATIONS[w] ?? w).filter((w) => !EN_FILLERS.has(w));
  const core = words.join('');
  const form: LegalForm = forms.length ? formOf(forms[forms.length - 1] === 'co' ? forms[0] : forms[forms.length - 1]) : '';
  const region = mostSpecific(regions);
  return { key: keyOf(region, core, branch, form), core, region, branch, form, words };
}

/**
 * `normaliseCompanyName('杭州星辰科技有限公司')` → `{region: '杭州', core: '星辰科技', branch: '', key: '杭州|星辰科技|', form: 'limited'}`.
 * Deterministic and pure: the same function builds stored keys and looks them up.
 */
export function normaliseCompanyName(raw: string): CompanyName {
  let s = raw.normalize('NFKC').toLowerCase().replace(OPEN, '(').replace(CLOSE, ')');
  if (!hasCjk(s) && /\p{L}/u.test(s)) return normaliseEnglish(s);
  const forms: string[] = [];
  s = stripEnglishForms(s, forms);
  s = s.replace(NOISE, '');
  // Brackets that only wrap a legal form or a branch, e.g. 星辰(有限合伙) or 星辰有限公司(上海分公司), go first.
  s = s.replace(/\(([^()]*)\)$/, (whole, inner: string) => (LEGAL_FORMS.includes(inner) || BRANCH_KINDS.some((k) => inner.endsWith(k)) ? inner : whole));
  const { head, branch } = splitBranch(s);
  const headNoForm = stripLegalForms(head, forms);
  const { rest, regions } = splitRegions(headNoForm);
  let core = stripLegalForms(rest, forms);
  let region = mostSpecific(regions);
  if (!core) {
    // A name that is nothing but a region (上海有限公司): the region is the name.
    core = headNoForm.replace(/[()]/g, '');
    region = '';
  }
  // The outermost Chinese form names the company's kind (…股份有限公司), else an English one.
  const named = forms.find((f) => /[\u3400-\u9fff]/.test(f)) ?? forms[0];
  const form: LegalForm = named === undefined || named === '总公司' ? '' : formOf(named);
  return { key: keyOf(region, core, branch, form), core, region, branch, form };
}
