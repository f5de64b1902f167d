/**
 * Normalised filters and patches (shared/store-guard.ts) → `db.command` objects for the CloudBase SDK.
 *
 * Every filter value goes through a command (`_.eq(v)`, never a bare value): the SDK flattens plain
 * objects into dotted paths and passes `$` keys through, so only a command keeps a value a value.
 */
import type { Cond, PatchPlan } from '../shared/store-guard';
import type { TcbCommand } from './sdk-types';

export function whereObject(_: TcbCommand, conds: Cond[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of conds) {
    switch (c.kind) {
      case 'eq':
      case 'has': // MongoDB equality on an array field means "contains"
        out[c.path] = _.eq(c.value);
        break;
      case 'ne':
        out[c.path] = _.neq(c.value);
        break;
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        out[c.path] = _[c.kind](c.value);
        break;
      case 'in':
      case 'nin':
        out[c.path] = _[c.kind]([...c.value]);
        break;
      case 'exists':
        out[c.path] = _.exists(c.value);
        break;
    }
  }
  return out;
}

/** `_id` = id AND the conditions (through `_.and` when the conditions name `_id` themselves). */
export function byIdWhere(_: TcbCommand, id: string, conds: Cond[]): object {
  const rest = whereObject(_, conds);
  if ('_id' in rest) return _.and([{ _id: _.eq(id) }, rest]) as object;
  return { _id: _.eq(id), ...rest };
}

export function updateData(_: TcbCommand, plan: PatchPlan): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  // `_.set(v)` (not a bare value): a bare object would be merged field by field, and `{}` dropped
  for (const [path, value] of plan.set) data[path] = _.set(value);
  for (const [path, by] of plan.inc) data[path] = _.inc(by);
  for (const path of plan.unset) data[path] = _.remove();
  return data;
}

/**
 * Conditions that hold exactly when applying `plan` would change nothing. CloudBase reports `updated` as
 * documents *modified* (MongoDB's nModified); the port's `update` counts documents *matched*. When the
 * server says 0 for a patch that can be a no-op, one count with these conditions tells "matched but
 * already so" (the update can be placed at that moment as a no-op) from "not matched".
 */
export function alreadyPatched(_: TcbCommand, plan: PatchPlan): object[] {
  const out: object[] = [];
  for (const [path, value] of plan.set) out.push({ [path]: _.eq(value) });
  for (const path of plan.unset) out.push({ [path]: _.exists(false) });
  // only zero increments reach here (mayBeNoop): they change nothing on a number, and create a missing field
  for (const [path] of plan.inc) out.push(_.or([{ [path]: _.gte(0) }, { [path]: _.lt(0) }]) as object);
  return out;
}
