import type { ObjectName } from '../../core/contracts/domain';
import { AppError } from '../../core/kernel/app-error';
import { literal, type Schema } from '../../core/kernel/schema';
import { RECORD_SPECS, OBJECT_NAMES } from '../../core/records/registry';

export const objectName = () => literal(...OBJECT_NAMES);

const ID = /^[A-Za-z0-9_-]{1,64}$/;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);
}

export interface WriteInput {
  object: ObjectName;
  id?: string;
  data: unknown;
}

/**
 * `{object, [id,] data}` where `data` is validated by the closed schema of that object — the schema
 * depends on a sibling value, which the generic validator cannot express. The use case receives only
 * what the object's schema let through.
 */
export function writeInput(kind: 'create' | 'update'): Schema<WriteInput> {
  const keys = kind === 'create' ? ['object', 'data'] : ['object', 'id', 'data'];
  return {
    kind: 'object',
    parse(v, path) {
      if (!isPlainObject(v)) throw new AppError('input/invalid', { field: path || '(root)', reason: 'expected-object' });
      for (const key of Object.keys(v)) {
        if (!keys.includes(key)) throw new AppError('input/invalid', { field: key, reason: key === '__proto__' || key === 'constructor' || key === 'prototype' ? 'forbidden-key' : 'unknown-key' });
      }
      const name = objectName().parse(v['object'], 'object');
      const spec = RECORD_SPECS[name];
      const out: WriteInput = { object: name, data: undefined };
      if (kind === 'update') {
        if (typeof v['id'] !== 'string' || !ID.test(v['id'])) throw new AppError('input/invalid', { field: 'id', reason: v['id'] === undefined ? 'required' : 'pattern' });
        out.id = v['id'];
      }
      if (v['data'] === undefined) throw new AppError('input/invalid', { field: 'data', reason: 'required' });
      out.data = (kind === 'create' ? spec.createSchema : spec.updateSchema).parse(v['data'], 'data');
      return out;
    },
  };
}
