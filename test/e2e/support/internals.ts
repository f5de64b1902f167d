import type { Page } from 'playwright-core';

/**
 * Internal values a person must never read: ids (usr_…, acc_…), state or message keys and field paths
 * (`registration.approved`, `data.contactPhone`), JSON. Only text a person can see counts: clipped
 * 1-pixel helpers that tools read (#session-state) and hidden elements are skipped.
 */
export interface InternalValue {
  text: string;
  kind: 'id' | 'key' | 'json';
  where: string;
}

export async function internalValues(page: Page): Promise<InternalValue[]> {
  return page.evaluate(() => {
    const ID = /\b(?:usr|acc|con|ent|mth|dev|wo|sr|ord|aud|msg|ntf|adm|art|role|tx)_[A-Za-z0-9_]{3,}/;
    // two or more dotted words, camelCase or lower-case: message keys, state keys, field paths
    const KEY = /\b[a-z][A-Za-z0-9]*(?:\.[a-z][A-Za-z0-9]*){1,3}\b/;
    const JSON_LIKE = /[{[]\s*"[^"]+"\s*:/;
    // what may legitimately look like a dotted key: web addresses and e-mail, decimals
    const ALLOWED = /^(?:[a-z0-9-]+\.)+(?:com|cn|net|org|io|gov|edu)$|^e\.g$|^i\.e$/;
    const seenHidden = (el: Element) => {
      for (let n: Element | null = el; n; n = n.parentElement) {
        const s = getComputedStyle(n);
        if (s.display === 'none' || s.visibility === 'hidden') return true;
        const r = n.getBoundingClientRect();
        if (s.overflow === 'hidden' && (r.width <= 1 || r.height <= 1)) return true;
      }
      return false;
    };
    const describe = (el: Element) => (el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}${el.classList.length ? `.${Array.from(el.classList).slice(0, 2).join('.')}` : ''}`);
    const out: InternalValue[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const text = (t.textContent ?? '').trim();
      const host = t.parentElement;
      if (!text || !host || host.closest('script, style, noscript') || seenHidden(host)) continue;
      const id = ID.exec(text);
      if (id) out.push({ text: id[0], kind: 'id', where: describe(host) });
      const key = KEY.exec(text);
      if (key && !ALLOWED.test(key[0])) out.push({ text: key[0], kind: 'key', where: describe(host) });
      if (JSON_LIKE.test(text)) out.push({ text: text.slice(0, 60), kind: 'json', where: describe(host) });
    }
    // input values people see too
    for (const input of Array.from(document.querySelectorAll('input, textarea')) as Array<HTMLInputElement | HTMLTextAreaElement>) {
      if (seenHidden(input)) continue;
      const id = ID.exec(input.value);
      if (id) out.push({ text: id[0], kind: 'id', where: describe(input) });
    }
    return out;
  });
}
