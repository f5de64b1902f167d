import type { DeviceView, Permission, SessionView, WorkOrderView } from '../../../src/services/contracts';

import { memberSession } from './fake-backend';

const perm = (object: Permission['object'], action: Permission['action'], scope: Permission['scope']): Permission => ({ object, action, scope });

/** A terminal user: reads their Account's devices, files and follows their own work orders. */
export const terminalUser: SessionView = {
  ...memberSession,
  permissions: [perm('article', 'read', 'all'), perm('device', 'read', 'account'), perm('workOrder', 'read', 'own'), perm('workOrder', 'create', 'own'), perm('workOrder', 'update', 'own'), perm('serviceRequest', 'create', 'own')],
};

/** Reads work orders, may not file one. */
export const readOnlyUser: SessionView = { ...memberSession, permissions: [perm('workOrder', 'read', 'account')] };

export const guestWithRequests: SessionView = {
  ...memberSession,
  state: 'guest',
  user: { ...memberSession.user!, id: 'usr_guest', kind: 'guest', name: '访客' },
  enterprise: undefined,
  permissions: [perm('article', 'read', 'public'), perm('device', 'read', 'public'), perm('serviceRequest', 'create', 'own')],
  next: 'register',
};

export const device = (i: number, extra: Partial<DeviceView> = {}): DeviceView => ({
  id: `dev_${i}`,
  name: `设备 ${i}`,
  model: 'HX-AC200',
  serialNumber: `SN-${i}`,
  status: 'running',
  public: false,
  createdAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-01T00:00:00.000Z',
  canUpdate: false,
  ...extra,
});

export const workOrder = (i: number, extra: Partial<WorkOrderView> = {}): WorkOrderView => ({
  id: `wo_${i}`,
  title: `工单 ${i}`,
  description: '描述',
  priority: 'normal',
  status: 'open',
  createdByName: '张三',
  mine: true,
  createdAt: '2026-10-01T08:30:00.000Z',
  updatedAt: '2026-10-01T08:30:00.000Z',
  canUpdate: true,
  nextStatuses: ['cancelled'],
  ...extra,
});
