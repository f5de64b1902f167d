import { int, object, optional, scalarRecord, string } from '../../core/kernel/schema';
import { resolvePrincipal } from '../../core/identity/principal';
import { getRecord, listRecords } from '../../core/records/records';
import { createRecord, updateRecord } from '../../core/records/write';
import { action, requireCaller, type CallContext, type FunctionDef } from '../shared/dispatch';
import { objectName, writeInput } from './input';

const id = () => string({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ });
const principalOf = (ctx: CallContext) => resolvePrincipal(ctx.deps, requireCaller(ctx));

/** `records`: business records guarded by the caller's roles and scopes, on every call. */
export const recordsFunction: FunctionDef = {
  name: 'records',
  audience: 'wechat',
  actions: {
    list: action(
      object({ object: objectName(), filter: optional(scalarRecord()), cursor: optional(string({ max: 200 })), limit: optional(int({ min: 1, max: 100 })) }),
      async (ctx, input) => listRecords(ctx.deps, await principalOf(ctx), input),
    ),
    get: action(object({ object: objectName(), id: id() }), async (ctx, input) => getRecord(ctx.deps, await principalOf(ctx), input.object, input.id)),
    create: action(writeInput('create'), async (ctx, input) => createRecord(ctx.deps, await principalOf(ctx), input.object, input.data)),
    update: action(writeInput('update'), async (ctx, input) => updateRecord(ctx.deps, await principalOf(ctx), input.object, input.id ?? '', input.data)),
  },
};
