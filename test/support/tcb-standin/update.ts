/**
 * MongoDB update semantics for what CloudBase's `modifyDocument` receives: a replacement document
 * (`merge: false`, from `doc(id).set`) or operators (`merge: true`) — `$set`, `$unset`, `$inc` here.
 * Errors carry the messages MongoDB gives, so a failing patch fails here as it would in production.
 */
import { equal, type DocObj, type Json } from './query';

export class UpdateError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const isObj = (v: unknown): v is DocObj => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
const clone = (d: DocObj): DocObj => structuredClone(d);
const SUPPORTED = new Set(['$set', '$unset', '$inc']);

function parentOf(doc: DocObj, path: string, create: boolean): { parent: DocObj; key: string } | null {
  const segs = path.split('.');
  let cur: DocObj = doc;
  for (const seg of segs.slice(0, -1)) {
    const next = cur[seg];
    if (next === undefined) {
      if (!create) return null;
      cur[seg] = {};
      cur = cur[seg] as DocObj;
    } else if (isObj(next)) {
      cur = next;
    } else {
      if (!create) return null;
      throw new UpdateError('DATABASE_REQUEST_FAILED', `Cannot create field '${segs[segs.length - 1]}' in element {${seg}: ${JSON.stringify(next)}}`);
    }
  }
  return { parent: cur, key: segs[segs.length - 1] };
}

function assertNoConflicts(paths: string[]): void {
  for (let i = 0; i < paths.length; i++) {
    for (let j = 0; j < paths.length; j++) {
      if (i !== j && (paths[i] === paths[j] || paths[j].startsWith(`${paths[i]}.`))) {
        throw new UpdateError('DATABASE_REQUEST_FAILED', `Updating the path '${paths[j]}' would create a conflict at '${paths[i]}'`);
      }
    }
  }
}

/** Applies operators to a copy of `doc`; returns the new document. */
export function applyOperators(doc: DocObj, update: Json): DocObj {
  if (!isObj(update) || !Object.keys(update).length) throw new UpdateError('INVALID_PARAM', 'update must be a non-empty object');
  const paths: string[] = [];
  for (const [op, fields] of Object.entries(update)) {
    if (!SUPPORTED.has(op)) throw new UpdateError('DATABASE_INVALID_OPERRATOR', `unsupported update operator ${op}`);
    if (!isObj(fields)) throw new UpdateError('INVALID_PARAM', `${op} needs an object`);
    for (const path of Object.keys(fields)) {
      if (path === '_id' || path.startsWith('_id.')) throw new UpdateError('DATABASE_REQUEST_FAILED', "Performing an update on the path '_id' would modify the immutable field '_id'");
      paths.push(path);
    }
  }
  assertNoConflicts(paths);
  const out = clone(doc);
  for (const [op, fields] of Object.entries(update as Record<string, DocObj>)) {
    for (const [path, value] of Object.entries(fields)) {
      if (op === '$unset') {
        const at = parentOf(out, path, false);
        if (at) delete at.parent[at.key];
        continue;
      }
      const { parent, key } = parentOf(out, path, true)!;
      if (op === '$set') {
        parent[key] = structuredClone(value);
      } else {
        if (typeof value !== 'number') throw new UpdateError('DATABASE_REQUEST_FAILED', 'Cannot increment with non-numeric argument');
        const cur = parent[key];
        if (cur !== undefined && typeof cur !== 'number') {
          throw new UpdateError('DATABASE_REQUEST_FAILED', `Cannot apply $inc to a value of non-numeric type. {_id: ${JSON.stringify(doc._id)}} has the field '${key}' of non-numeric type ${cur === null ? 'null' : typeof cur}`);
        }
        parent[key] = (cur ?? 0) + value;
      }
    }
  }
  return out;
}

/** A replacement keeps `_id` (first, as MongoDB stores it) and refuses operators. */
export function replacement(id: string, data: Json): DocObj {
  if (!isObj(data)) throw new UpdateError('INVALID_PARAM', 'replacement must be an object');
  for (const k of Object.keys(data)) if (k.startsWith('$')) throw new UpdateError('INVALID_PARAM', 'replacement document must not contain operators');
  if ('_id' in data && !equal(data._id, id)) throw new UpdateError('DATABASE_REQUEST_FAILED', "the (immutable) field '_id' was found to have been altered");
  const { _id: _ignored, ...rest } = data;
  return { _id: id, ...structuredClone(rest) };
}
