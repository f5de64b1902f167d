import { useSyncExternalStore } from 'react';

/**
 * Hash routing (`/console/#/users`): the console is static files under /console/, so deep links work
 * without any server-side fallback.
 */
function currentPath(): string {
  const hash = window.location.hash.replace(/^#/, '');
  const path = hash.split('?')[0] ?? '';
  return path.startsWith('/') ? path : '/';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoutePath(): string {
  return useSyncExternalStore(subscribe, currentPath, () => '/');
}

function currentQuery(): string {
  const hash = window.location.hash;
  const at = hash.indexOf('?');
  return at < 0 ? '' : hash.slice(at + 1);
}

/**
 * The query part of the hash (`#/users?status=pending`): links between pages carry filters this way
 * (the dashboard's "pending approvals" opens the filtered users list). A string, so React compares it.
 */
export function useRouteQuery(): string {
  return useSyncExternalStore(subscribe, currentQuery, () => '');
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const [target = path, query = ''] = path.split('?');
  if (currentPath() === target && currentQuery() === query) return;
  if (options.replace) {
    const url = new URL(window.location.href);
    url.hash = path;
    window.history.replaceState(window.history.state, '', url);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = path;
  }
}
