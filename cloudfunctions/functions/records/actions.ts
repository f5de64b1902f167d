import { int, object, optional, scalarRecord, string } from '../../core/kernel/schema';
import { getRecord, listRecords } from '../../core/records/records';
import { createRecord, updateRecord } from '../../core/records/write';
import { action, defineFunction, principalOf } from '../shared/dispatch';
import { objectName, writeInput } from './input';
import { serviceRequestStatusChanged } from '../../core/notifications/events';

const id = () => string({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ });

/** `records`: business records guarded by the caller's roles and scopes, on every call. */
export const recordsFunction = defineFunction('records', 'wechat', {
    list: action(
      object({ object: objectName(), filter: optional(scalarRecord()), cursor: optional(string({ max: 200 })), limit: optional(int({ min: 1, max: 100 })) }),
      (ctx, input) => listRecords(ctx.deps, principalOf(ctx), input),
    ),
    get: action(object({ object: objectName(), id: id() }), (ctx, input) => getRecord(ctx.deps, principalOf(ctx), input.object, input.id)),
    create: action(writeInput('create'), (ctx, input) => createRecord(ctx.deps, principalOf(ctx), input.object, input.data, ctx.ip)),
    update: action(writeInput('update'), async (ctx, input) => {
      const out = await updateRecord(ctx.deps, principalOf(ctx), input.object, input.id ?? '', input.data);
      // a service request whose status changed: its author is told (after the change is stored)
      if (input.object === 'serviceRequest' && typeof input.data === 'object' && input.data !== null && 'status' in input.data) await serviceRequestStatusChanged(ctx.deps, input.id ?? '');
      return out;
    }),
  });
