import { useSyncExternalStore } from 'react';

import type { Locale } from '../services/contracts';

import { getLocale, messagesFor, setLocale, subscribeLocale } from './locale';
import type { Messages } from './zh-CN';

export { getLocale, messagesFor, setLocale } from './locale';
export type { Messages } from './zh-CN';

export interface I18n {
  locale: Locale;
  t: Messages;
  setLocale: (locale: Locale) => void;
  toggleLocale: () => void;
}

/** An external store rather than a provider: the client (outside React) reads the same value. */
export function useI18n(): I18n {
  const locale = useSyncExternalStore(subscribeLocale, getLocale, getLocale);
  return {
    locale,
    t: messagesFor(locale),
    setLocale,
    toggleLocale: () => setLocale(locale === 'en' ? 'zh-CN' : 'en'),
  };
}
