import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { MessageKey } from './i18n';
import { devOutboxAvailable } from './pages/sms/outbox';

/**
 * The side menu and the routes, from one list. A new page is one entry here (and its folder under
 * pages/); an entry without `page` shows a "coming soon" placeholder.
 */
export interface NavItem {
  key: string;
  path: string;
  label: MessageKey;
  page?: LazyExoticComponent<ComponentType>;
  /**
   * An entry that exists only in some deployments (the local runtime's SMS outbox) says how to find out;
   * it stays out of the menu until this answers true.
   */
  available?: () => Promise<boolean>;
  /** shown only to admins holding this permission (the server refuses the others anyway) */
  requires?: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'dashboard', path: '/dashboard', label: 'nav.dashboard', page: lazy(() => import('./pages/dashboard/DashboardPage')) },
  { key: 'users', path: '/users', label: 'nav.users', page: lazy(() => import('./pages/users/UsersPage')) },
  { key: 'activation', path: '/activation', label: 'nav.activation', page: lazy(() => import('./pages/activation/ActivationPage')) },
  { key: 'accounts', path: '/accounts', label: 'nav.accounts', page: lazy(() => import('./pages/accounts/AccountsPage')) },
  { key: 'roles', path: '/roles', label: 'nav.roles', page: lazy(() => import('./pages/roles/RolesPage')) },
  { key: 'methods', path: '/methods', label: 'nav.methods', page: lazy(() => import('./pages/methods/MethodsPage')) },
  { key: 'guest', path: '/guest', label: 'nav.guest', page: lazy(() => import('./pages/guest/GuestPage')) },
  { key: 'licences', path: '/licences', label: 'nav.licences', page: lazy(() => import('./pages/licences/LicencesPage')) },
  { key: 'orders', path: '/orders', label: 'nav.orders', page: lazy(() => import('./pages/orders/OrdersPage')) },
  { key: 'audit', path: '/audit', label: 'nav.audit', page: lazy(() => import('./pages/audit/AuditPage')) },
  { key: 'admins', path: '/admins', label: 'nav.admins', page: lazy(() => import('./pages/admins/AdminsPage')), requires: 'admins.manage' },
  { key: 'sms', path: '/sms', label: 'nav.sms', page: lazy(() => import('./pages/sms/SmsOutboxPage')), available: devOutboxAvailable },
];

/** Where a signed-in admin lands: the first built page. */
export const DEFAULT_PATH: string = (NAV_ITEMS.find((item) => item.page) ?? NAV_ITEMS[0]!).path;

export function findNavItem(path: string): NavItem | undefined {
  return NAV_ITEMS.find((item) => path === item.path || path.startsWith(`${item.path}/`));
}

/** Whether permissions (`*`, `area.*` or names) include `permission` — the server's rule, for showing menus only. */
export function holdsPermission(permissions: readonly string[], permission: string): boolean {
  const area = permission.slice(0, permission.indexOf('.'));
  return permissions.some((p) => p === '*' || p === permission || p === `${area}.*`);
}
