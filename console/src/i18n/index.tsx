import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '../contracts';
import { AdminCallError, setRequestLocale } from '../services/admin';
import { en } from './en';
import { pageMessages } from './registry';
import { zhCN, type MessageKey } from './zh-CN';

export type { MessageKey };
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
const LOCALE_KEY = 'hulian.console.locale';

const shell: Record<Locale, Record<string, string>> = { 'zh-CN': zhCN, en };

/** The words for `key`: the locale's, else the Chinese ones (the default language is always complete). */
function lookup(locale: Locale, key: string): string | undefined {
  return shell[locale][key] ?? pageMessages[locale][key] ?? shell['zh-CN'][key] ?? pageMessages['zh-CN'][key];
}

type Params = Record<string, string | number>;

/** Whether a key computed at run time (an audit action's label, say) has words in the dictionaries. */
export function hasMessage(key: string): key is MessageKey {
  return lookup('zh-CN', key) !== undefined;
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const template = lookup(locale, key) ?? key;
  if (template === key && import.meta.env.DEV) console.warn(`i18n: no words for "${key}" (is the page's messages module imported?)`);
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(LOCALE_KEY);
    if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  } catch {
    /* ignore */
  }
  return DEFAULT_LOCALE;
}

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** The text to show for a failed call: the server's localised message, or ours for client-side failures. */
  errorText: (error: unknown) => string;
  formatDateTime: (iso: string) => string;
  /** Compact numeric date and time for table cells (`2026/11/29 08:33`), so columns stay one line. */
  formatTime: (iso: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const initial = readStoredLocale();
    setRequestLocale(initial);
    return initial;
  });

  const setLocale = useCallback((next: Locale) => {
    setRequestLocale(next);
    setLocaleState(next);
    try {
      window.localStorage.setItem(LOCALE_KEY, next);
    } catch {
      /* ignore */
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${translate(locale, 'app.name')} · ${translate(locale, 'app.console')}`;
  }, [locale]);

  const value = useMemo<I18n>(() => {
    const t = (key: MessageKey, params?: Params) => translate(locale, key, params);
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const compactFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    return {
      locale,
      setLocale,
      t,
      errorText(error) {
        if (error instanceof AdminCallError) {
          if (error.code === 'client/network') return t('error.network');
          if (error.code === 'client/bad-response') return t('error.badResponse');
          return error.message || error.code;
        }
        return t('error.badResponse');
      },
      formatDateTime(iso) {
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
      },
      formatTime(iso) {
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : compactFormat.format(date);
      },
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
