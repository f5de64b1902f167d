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

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (currentPath() === path) return;
  if (options.replace) {
    const url = new URL(window.location.href);
    url.hash = path;
    window.history.replaceState(window.history.state, '', url);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = path;
  }
}
