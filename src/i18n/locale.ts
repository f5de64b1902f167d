import Taro from '@tarojs/taro';

import type { Locale } from '../services/contracts';

import { en } from './en';
import { zhCN, type Messages } from './zh-CN';

/** The chosen UI locale, persisted; the client sends it as `locale` so server messages match. */
const STORAGE_KEY = 'hulian.locale';
const DICTIONARIES: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

let current: Locale | null = null;
const listeners = new Set<() => void>();

function read(): Locale {
  try {
    return Taro.getStorageSync(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN'; // storage unavailable (private mode): fall back to the primary language
  }
}

/** Read lazily: storage is not guaranteed to be ready while modules are still being evaluated. */
export function getLocale(): Locale {
  current ??= read();
  return current;
}

export function setLocale(next: Locale): void {
  if (next === getLocale()) return;
  current = next;
  try {
    Taro.setStorageSync(STORAGE_KEY, next);
  } catch {
    // Not persisting is acceptable; the switch still applies for this session.
  }
  listeners.forEach((l) => l());
}

export function subscribeLocale(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function messagesFor(locale: Locale): Messages {
  return DICTIONARIES[locale];
}
