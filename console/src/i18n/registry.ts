import type { Locale } from '../contracts';

/**
 * Words the pages bring with them. The page dictionaries (messages/) are imported by the lazy page
 * chunks, not by the shell, so the first download (the sign-in screen) carries only the shell's words;
 * a page's words are registered here before the page first renders.
 */
export const pageMessages: Record<Locale, Record<string, string>> = { 'zh-CN': {}, en: {} };

export function registerMessages(zhCN: Record<string, string>, en: Record<string, string>): void {
  Object.assign(pageMessages['zh-CN'], zhCN);
  Object.assign(pageMessages.en, en);
}
