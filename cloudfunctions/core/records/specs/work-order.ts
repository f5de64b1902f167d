import type { RecordCreateInputs, RecordUpdateInputs, WorkOrderPriority, WorkOrderStatus, WorkOrderView } from '../../contracts/domain';
import type { DeviceDoc, WorkOrderDoc } from '../../kernel/docs';
import { AppError } from '../../kernel/app-error';
import { literal, object, optional } from '../../kernel/schema';
import { readBranches } from '../scope';
import { findOneInScope } from '../scoped';
import type { RecordSpec, WriteContext } from '../spec';
import { pickDefined } from '../spec';
import { checkEditable, checkTransition, nextStatuses, type TransitionTable } from '../transitions';
import { longText, recordId, recordIdOrEmpty, title } from './text';

export const WORK_ORDER_STATUSES = ['open', 'in_progress', 'resolved', 'closed', 'cancelled'] as const satisfies readonly WorkOrderStatus[];
export const WORK_ORDER_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const satisfies readonly WorkOrderPriority[];

/** The requester may withdraw an untouched order, and accept or reject a resolution. */
export const WORK_ORDER_TRANSITIONS: TransitionTable<WorkOrderStatus> = {
  open: ['cancelled'],
  in_progress: [],
  resolved: ['closed', 'open'],
  closed: [],
  cancelled: [],
};

/**
 * A work order may name a device only if the caller may read that device: an id from another Account
 * is answered exactly like an id that does not exist, so nothing can be probed through it.
 */
async function readableDevice(ctx: WriteContext, deviceId: string): Promise<DeviceDoc> {
  const branches = readBranches(ctx.principal, 'device', true);
  const device = await findOneInScope(ctx.deps, 'devices', branches, deviceId);
  if (!device) throw new AppError('input/invalid', { field: 'data.deviceId', reason: 'unknown-device' });
  return device as DeviceDoc;
}

export function workOrderView(w: WorkOrderDoc, canUpdate: boolean, callerId: string | undefined): WorkOrderView {
  const v: WorkOrderView = {
    id: w._id,
    title: w.title,
    description: w.description,
    priority: w.priority,
    status: w.status,
    createdByName: w.created_by_name ?? '',
    mine: !!callerId && w.created_by === callerId,
    createdAt: w.created_at,
    updatedAt: w.updated_at ?? w.created_at,
    canUpdate,
    nextStatuses: nextStatuses(WORK_ORDER_TRANSITIONS, w.status, canUpdate),
  };
  if (w.device_id) v.deviceId = w.device_id;
  if (w.device_name) v.deviceName = w.device_name;
  return v;
}

export const workOrderSpec: RecordSpec<WorkOrderDoc, WorkOrderView, RecordCreateInputs['workOrder'], RecordUpdateInputs['workOrder']> = {
  object: 'workOrder',
  collection: 'work_orders',
  idPrefix: 'wo',
  publicFlag: false,
  filters: {
    status: { field: 'status', schema: literal(...WORK_ORDER_STATUSES) },
    priority: { field: 'priority', schema: literal(...WORK_ORDER_PRIORITIES) },
    deviceId: { field: 'device_id', schema: recordId() },
  },
  createSchema: object({ title: title(), description: longText(), priority: optional(literal(...WORK_ORDER_PRIORITIES)), deviceId: optional(recordId()) }),
  updateSchema: object({
    title: optional(title()),
    description: optional(longText()),
    priority: optional(literal(...WORK_ORDER_PRIORITIES)),
    deviceId: optional(recordIdOrEmpty()),
    status: optional(literal(...WORK_ORDER_STATUSES)),
  }),
  async build(ctx, input) {
    const fields: Record<string, unknown> = { title: input.title, description: input.description, priority: input.priority ?? 'normal', status: 'open' };
    if (input.deviceId) {
      const device = await readableDevice(ctx, input.deviceId);
      fields['device_id'] = device._id;
      fields['device_name'] = device.name;
    }
    return fields;
  },
  async changes(ctx, current, input) {
    const edits = pickDefined(input, { title: 'title', description: 'description', priority: 'priority' });
    // Before any lookup: content is only editable while nobody has acted on the order.
    checkEditable(current.status, 'open', input.deviceId === undefined ? edits : { ...edits, device_id: input.deviceId });
    if (input.deviceId !== undefined && input.deviceId !== (current.device_id ?? '')) {
      if (input.deviceId === '') Object.assign(edits, { device_id: undefined, device_name: undefined });
      else {
        const device = await readableDevice(ctx, input.deviceId);
        Object.assign(edits, { device_id: device._id, device_name: device.name });
      }
    }
    if (input.status !== undefined && input.status !== current.status) {
      checkTransition(WORK_ORDER_TRANSITIONS, current.status, input.status);
      edits['status'] = input.status;
    }
    return edits;
  },
  view: (doc, ctx) => workOrderView(doc, ctx.canUpdate, ctx.callerId),
};
