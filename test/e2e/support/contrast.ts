import type { Page } from 'playwright-core';

/**
 * WCAG 2.x contrast of every visible control on a page, computed in the browser from computed styles:
 * the text colour (with its alpha and every ancestor's opacity) over the first opaque background found
 * walking up the ancestors. Large text (≥ 24 px, or ≥ 18.67 px bold) needs 3:1, other text 4.5:1;
 * disabled controls and countdowns need 3:1 (WCAG exempts them, the house rule does not).
 */
export interface ContrastFailure {
  text: string;
  ratio: number;
  needed: number;
  color: string;
  background: string;
  where: string;
}

/** What counts as a control: buttons, links, tabs, checkboxes and anything styled as tappable. */
const CONTROLS = [
  'button',
  'a[href]',
  '[role="button"]',
  '[role="link"]',
  '[role="tab"]',
  '[role="menuitem"]',
  '[role="checkbox"]',
  '[role="radio"]',
  'taro-button-core',
  '.t-button',
  '.t-link',
  '.t-menu__item',
  '.t-tabs__nav-item',
  '.t-checkbox',
  '.t-radio-button',
  '.t-pagination__number',
  '.t-pagination__btn',
].join(',');

export async function contrastFailures(page: Page): Promise<ContrastFailure[]> {
  return page.evaluate((selector) => {
    type Rgba = [number, number, number, number];
    const parse = (css: string): Rgba => {
      const m = /rgba?\(([^)]+)\)/.exec(css);
      if (!m) return [0, 0, 0, 0];
      const p = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
      return [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0, p.length > 3 ? p[3]! : 1];
    };
    const over = (top: Rgba, under: Rgba): Rgba => {
      const a = top[3];
      return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
    };
    const lum = (c: Rgba) => {
      const ch = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]);
    };
    const ratio = (a: Rgba, b: Rgba) => {
      const [l1, l2] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
      return (l1 + 0.05) / (l2 + 0.05);
    };
    /** the colour behind `el`: translucent backgrounds stacked over the first opaque one up the tree */
    const backgroundOf = (el: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let n: Element | null = el; n; n = n.parentElement) {
        const bg = parse(getComputedStyle(n).backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      let out: Rgba = [255, 255, 255, 1];
      for (const l of layers.reverse()) out = over(l, out);
      return out;
    };
    const opacityOf = (el: Element) => {
      let o = 1;
      for (let n: Element | null = el; n; n = n.parentElement) o *= Number(getComputedStyle(n).opacity || '1');
      return o;
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
    };
    // Taro's h5 button reflects disabled={false} as disabled="false": that one is enabled.
    const disabled = (el: Element) => el.getAttribute('aria-disabled') === 'true' || !!el.closest('[disabled]:not([disabled="false"]), .t-is-disabled');
    const describe = (el: Element) => {
      const parts: string[] = [];
      for (let n: Element | null = el; n && parts.length < 3; n = n.parentElement) parts.push(n.id ? `#${n.id}` : `${n.tagName.toLowerCase()}${n.classList.length ? `.${[...n.classList].slice(0, 2).join('.')}` : ''}`);
      return parts.join(' < ');
    };

    const controls = new Set<Element>(document.querySelectorAll(selector));
    // Tappable text that is neither a button nor a link: anything the page styles with a pointer cursor.
    for (const el of document.querySelectorAll('body *')) if (getComputedStyle(el).cursor === 'pointer') controls.add(el);

    const failures: ContrastFailure[] = [];
    const seen = new Set<Element>();
    for (const control of controls) {
      if (!visible(control)) continue;
      const off = disabled(control);
      // every element inside the control that holds text of its own
      const walker = document.createTreeWalker(control, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const text = (t.textContent ?? '').trim();
        const host = t.parentElement;
        if (!text || !host || seen.has(host) || !visible(host)) continue;
        seen.add(host);
        const s = getComputedStyle(host);
        const bg = backgroundOf(host);
        const fg = parse(s.color);
        const shown = over([fg[0], fg[1], fg[2], fg[3] * opacityOf(host)], bg);
        const size = parseFloat(s.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
        const needed = off || large ? 3 : 4.5;
        const r = ratio(shown, bg);
        if (r + 0.005 < needed) {
          failures.push({ text: text.slice(0, 40), ratio: Math.round(r * 100) / 100, needed, color: s.color, background: `rgb(${bg.slice(0, 3).map(Math.round).join(',')})`, where: describe(host) });
        }
      }
    }
    return failures;
  }, CONTROLS);
}
