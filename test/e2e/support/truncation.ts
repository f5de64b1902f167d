import type { Page } from 'playwright-core';

/**
 * Visible text cut off on a page, computed in the browser: an element holding text of its own whose content
 * is wider than its box (scrollWidth > clientWidth + 1 px) while its `overflow` hides the rest or
 * `text-overflow: ellipsis` shortens it, or taller than its box while `overflow` hides it (line clamps).
 */
export interface Truncation {
  text: string;
  scroll: number;
  client: number;
  where: string;
}

export async function truncations(page: Page): Promise<Truncation[]> {
  return page.evaluate(() => {
    const out: Array<{ text: string; scroll: number; client: number; where: string }> = [];
    const hides = (v: string) => v === 'hidden' || v === 'clip' || v === 'scroll' || v === 'auto';
    const where = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${id}${cls}`;
    };
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const own = Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (!own) continue;
      if (el.closest('input, textarea, select, script, style, [aria-hidden="true"]')) continue;
      const rects = el.getClientRects();
      if (rects.length === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
      // visually hidden on purpose (1 px box, clipped away): read by tools, never by people
      const r = el.getBoundingClientRect();
      if ((r.width <= 1 && r.height <= 1) || /^rect\(0(px)?,? 0/.test(style.clip)) continue;
      // the nearest box that holds this text: the element itself, or its block container (inline boxes have
      // no clientWidth of their own)
      let box: HTMLElement | null = el;
      while (box && getComputedStyle(box).display === 'inline') box = box.parentElement;
      if (!box) continue;
      const s = getComputedStyle(box);
      const wide = box.scrollWidth > box.clientWidth + 1;
      const tall = box.scrollHeight > box.clientHeight + 1;
      const clipsX = hides(s.overflowX) || s.textOverflow === 'ellipsis';
      const clipsY = hides(s.overflowY) && s.overflowY !== 'auto' && s.overflowY !== 'scroll';
      if ((wide && clipsX && s.overflowX !== 'auto' && s.overflowX !== 'scroll') || (wide && s.textOverflow === 'ellipsis') || (tall && clipsY)) {
        out.push({ text: own.slice(0, 40), scroll: wide ? box.scrollWidth : box.scrollHeight, client: wide ? box.clientWidth : box.clientHeight, where: where(box) });
      }
    }
    return out;
  });
}
