import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { MessageKey } from './i18n';

/**
 * The side menu and the routes, from one list. A new page is one entry here (and its folder under
 * pages/); an entry without `page` shows a "coming soon" placeholder.
 */
export interface NavItem {
  key: string;
  path: string;
  label: MessageKey;
  page?: LazyExoticComponent<ComponentType>;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'dashboard', path: '/dashboard', label: 'nav.dashboard' },
  { key: 'users', path: '/users', label: 'nav.users', page: lazy(() => import('./pages/users/UsersPage')) },
];

/** Where a signed-in admin lands: the first built page. */
export const DEFAULT_PATH: string = (NAV_ITEMS.find((item) => item.page) ?? NAV_ITEMS[0]!).path;

export function findNavItem(path: string): NavItem | undefined {
  return NAV_ITEMS.find((item) => path === item.path || path.startsWith(`${item.path}/`));
}
