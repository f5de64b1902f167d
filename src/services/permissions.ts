import type { ObjectName, PermissionAction, SessionView } from './contracts';

/**
 * Whether the caller's roles allow an action at all — to decide what to *offer*. The server still
 * decides every call; this only keeps the UI from offering what would be refused.
 */
export function can(session: SessionView | null | undefined, object: ObjectName, action: PermissionAction): boolean {
  return !!session?.permissions.some((p) => p.object === object && p.action === action && p.scope !== 'none');
}

/** Pages of the records subpackage (packages/records), reachable from the home page. */
export const RECORDS_PAGES = {
  devices: '/packages/records/devices/index',
  device: (id: string) => `/packages/records/device/index?id=${encodeURIComponent(id)}`,
  workOrders: '/packages/records/work-orders/index',
  workOrder: (id: string) => `/packages/records/work-order/index?id=${encodeURIComponent(id)}`,
  newWorkOrder: (deviceId?: string) => `/packages/records/work-order-new/index${deviceId ? `?deviceId=${encodeURIComponent(deviceId)}` : ''}`,
  serviceRequest: '/packages/records/service-request/index',
} as const;

/** Where a `registration/required` answer leads: the self-registration form (packages/register). */
export const REGISTRATION_ENTRY = '/packages/register/pages/form/index';
/** Where `auth/not-activated` leads: SMS login for manually activated people. */
export const LOGIN_ENTRY = '/pages/login/index';
