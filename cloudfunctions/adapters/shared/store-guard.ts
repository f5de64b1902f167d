/**
 * Validation shared by both store adapters (SQLite and CloudBase), so that both accept and refuse exactly
 * the same inputs and the contract suite can be identical. Pure TypeScript, no SDK: the CloudBase adapter
 * imports it too.
 *
 * Everything here turns loosely typed input into a small normalised form (`Cond`, `PatchPlan`) that the
 * adapters translate; nothing downstream ever looks at the raw user objects again.
 */
import {
  FIELD_PATH,
  MAX_FIND_LIMIT,
  StoreInvalidError,
  isOp,
  type Doc,
  type FindQuery,
  type Patch,
  type Scalar,
  type SortDir,
  type Where,
} from '../../core/ports/store';
import type { CollectionDecl, IndexDecl } from '../../core/schema/collections';

/** One normalised filter condition. `path` is a validated field path or `_id`. */
export type Cond =
  | { path: string; kind: 'eq' | 'ne' | 'has'; value: Scalar }
  | { path: string; kind: 'gt' | 'gte' | 'lt' | 'lte'; value: string | number }
  | { path: string; kind: 'in' | 'nin'; value: Scalar[] }
  | { path: string; kind: 'exists'; value: boolean };

export interface PatchPlan {
  set: Array<[path: string, value: unknown]>;
  inc: Array<[path: string, by: number]>;
  unset: string[];
}

export interface FindPlan {
  where: Cond[];
  /** always ends with `_id`, so that paging with skip is stable and identical on both stores */
  orderBy: Array<[path: string, dir: SortDir]>;
  limit: number;
  skip: number;
}

export const ID_PATH = '_id';
const MAX_ID_LENGTH = 256;
const MAX_DEPTH = 64;
const MAX_IN_VALUES = MAX_FIND_LIMIT;
/** Path segments that would reach JavaScript prototypes in any evaluator that walks objects. */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

const invalid = (detail: string): never => {
  throw new StoreInvalidError(detail);
};

const kindOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

// ---------------------------------------------------------------------------------------------------------
// names, ids, paths

const COLLECTION_NAME = /^[a-z][a-z0-9_]{0,62}$/;

export function assertCollectionName(name: string): void {
  if (typeof name !== 'string' || !COLLECTION_NAME.test(name)) invalid(`bad collection name`);
}

export function assertId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) invalid('document id must be a non-empty string of at most 256 characters');
  if ((id as string).includes('\u0000')) invalid('document id must not contain NUL');
}

/** A field path a query, sort or patch may name. `_id` is accepted only where `allowId`. */
export function assertPath(path: unknown, allowId: boolean): asserts path is string {
  if (typeof path !== 'string' || !FIELD_PATH.test(path)) invalid(`bad field path`);
  const p = path as string;
  if (p === ID_PATH) {
    if (!allowId) invalid('_id cannot be used here');
    return;
  }
  if (p.startsWith(`${ID_PATH}.`)) invalid('_id has no sub-fields');
  for (const seg of p.split('.')) if (FORBIDDEN_SEGMENTS.has(seg)) invalid(`forbidden field name in path`);
}

// ---------------------------------------------------------------------------------------------------------
// values

function isScalar(v: unknown): v is Scalar {
  return v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

function scalar(v: unknown, what: string): Scalar {
  if (!isScalar(v)) invalid(`${what} must be a string, finite number, boolean or null (got ${kindOf(v)})`);
  return v as Scalar;
}

/** `{…}` or `Object.create(null)` — from any realm (structuredClone, vm), but no class instance. */
function plainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function assertKey(key: string): void {
  if (key.length === 0) invalid('empty key in document');
  if (key.startsWith('$')) invalid('document keys must not start with $');
  if (key.includes('.')) invalid('document keys must not contain "."');
  if (key.includes('\u0000')) invalid('document keys must not contain NUL');
  if (FORBIDDEN_SEGMENTS.has(key)) invalid(`forbidden document key`);
}

/**
 * A value that may be stored: JSON data only (so both stores keep exactly what was given). Dates, class
 * instances, functions, NaN/Infinity, sparse or `undefined` array entries are refused; `undefined`
 * object properties are dropped, as JSON and the CloudBase SDK both drop them.
 */
export function assertStorable(v: unknown, depth = 0): void {
  if (depth > MAX_DEPTH) invalid('document nested too deeply');
  if (isScalar(v)) return;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      if (!(i in v) || v[i] === undefined) invalid('arrays must not contain undefined');
      assertStorable(v[i], depth + 1);
    }
    return;
  }
  if (plainObject(v)) {
    for (const key of Object.keys(v)) {
      assertKey(key);
      if (v[key] !== undefined) assertStorable(v[key], depth + 1);
    }
    return;
  }
  invalid(`unsupported value in document (${kindOf(v)})`);
}

/** Validates a whole document; returns its id and the body without `_id`. */
export function checkDoc(doc: Doc): { id: string; body: Record<string, unknown> } {
  if (!plainObject(doc)) invalid('document must be a plain object');
  const { _id: id, ...body } = doc;
  assertId(id);
  assertStorable(body);
  return { id, body };
}

// ---------------------------------------------------------------------------------------------------------
// filters

function rangeValue(v: unknown, op: string): string | number {
  if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) return v;
  return invalid(`${op} needs a string or finite number (got ${kindOf(v)})`);
}

function condFor(path: string, raw: unknown): Cond {
  if (!isOp(raw)) return { path, kind: 'eq', value: scalar(raw, `filter value for ${path}`) };
  const { op, value } = raw;
  switch (op) {
    case 'ne':
    case 'has':
      return { path, kind: op, value: scalar(value, op) };
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return { path, kind: op, value: rangeValue(value, op) };
    case 'in':
    case 'nin': {
      if (!Array.isArray(value)) invalid(`${op} needs an array`);
      const list = value as unknown[];
      if (list.length > MAX_IN_VALUES) invalid(`${op} takes at most ${MAX_IN_VALUES} values`);
      return { path, kind: op, value: list.map((x) => scalar(x, `${op} value`)) };
    }
    case 'exists':
      if (typeof value !== 'boolean') invalid('exists needs a boolean');
      return { path, kind: 'exists', value: value as boolean };
    default:
      return invalid(`unknown operator`);
  }
}

/** `_id` holds strings only; any other comparison value could only ever be a mistake or an attack. */
function checkIdCond(c: Cond): void {
  if (c.kind === 'exists' || c.kind === 'has') invalid(`${c.kind} cannot be used on _id`);
  const values = Array.isArray(c.value) ? c.value : [c.value];
  for (const v of values) if (typeof v !== 'string') invalid('_id values must be strings');
}

export function checkWhere(where: Where | undefined): Cond[] {
  if (where === undefined) return [];
  if (!plainObject(where)) invalid('where must be a plain object');
  const out: Cond[] = [];
  for (const path of Object.keys(where)) {
    assertPath(path, true);
    const c = condFor(path, (where as Record<string, unknown>)[path]);
    if (path === ID_PATH) checkIdCond(c);
    out.push(c);
  }
  return out;
}

export function checkFind(query: FindQuery): FindPlan {
  if (!plainObject(query)) invalid('query must be a plain object');
  const { limit, skip = 0, orderBy = [] } = query;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_FIND_LIMIT) invalid(`limit must be an integer in 1..${MAX_FIND_LIMIT}`);
  if (!Number.isInteger(skip) || skip < 0) invalid('skip must be a non-negative integer');
  if (!Array.isArray(orderBy)) invalid('orderBy must be an array');
  const order: Array<[string, SortDir]> = [];
  const seen = new Set<string>();
  for (const entry of orderBy) {
    if (!Array.isArray(entry) || entry.length !== 2) invalid('orderBy entries are [field, dir]');
    const [path, dir] = entry;
    assertPath(path, true);
    if (dir !== 'asc' && dir !== 'desc') invalid('sort direction must be asc or desc');
    if (seen.has(path)) invalid('field sorted twice');
    seen.add(path);
    order.push([path, dir]);
  }
  // the tie-breaker follows the last sort direction: an index (f) holds (f, _id), so `f DESC, _id DESC`
  // is one backward index scan where `f DESC, _id ASC` would need a sort
  if (!seen.has(ID_PATH)) order.push([ID_PATH, order.length ? order[order.length - 1][1] : 'asc']);
  return { where: checkWhere(query.where), orderBy: order, limit, skip };
}

export function checkIds(ids: string[]): string[] {
  if (!Array.isArray(ids)) invalid('ids must be an array');
  if (ids.length > MAX_FIND_LIMIT) invalid(`at most ${MAX_FIND_LIMIT} ids per call`);
  for (const id of ids) assertId(id);
  return [...new Set(ids)];
}

// ---------------------------------------------------------------------------------------------------------
// patches

const overlaps = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

export function checkPatch(patch: Patch): PatchPlan {
  if (!plainObject(patch)) invalid('patch must be a plain object');
  for (const key of Object.keys(patch)) if (key !== 'set' && key !== 'inc' && key !== 'unset') invalid('patch has only set, inc and unset');
  const plan: PatchPlan = { set: [], inc: [], unset: [] };
  if (patch.set !== undefined) {
    if (!plainObject(patch.set)) invalid('patch.set must be a plain object');
    for (const [path, value] of Object.entries(patch.set)) {
      assertPath(path, false);
      if (value === undefined) continue; // as in documents: undefined means "not given"
      assertStorable(value, path.split('.').length);
      plan.set.push([path, value]);
    }
  }
  if (patch.inc !== undefined) {
    if (!plainObject(patch.inc)) invalid('patch.inc must be a plain object');
    for (const [path, by] of Object.entries(patch.inc)) {
      assertPath(path, false);
      if (typeof by !== 'number' || !Number.isFinite(by)) invalid('inc needs a finite number');
      plan.inc.push([path, by]);
    }
  }
  if (patch.unset !== undefined) {
    if (!Array.isArray(patch.unset)) invalid('patch.unset must be an array of field paths');
    for (const path of patch.unset) {
      assertPath(path, false);
      plan.unset.push(path);
    }
  }
  const paths = [...plan.set.map(([p]) => p), ...plan.inc.map(([p]) => p), ...plan.unset];
  if (paths.length === 0) invalid('empty patch');
  for (let i = 0; i < paths.length; i++) {
    for (let j = i + 1; j < paths.length; j++) if (overlaps(paths[i], paths[j])) invalid(`patch paths overlap`);
  }
  return plan;
}

/** True when applying the patch could leave a document exactly as it was (so "0 modified" is ambiguous). */
export function mayBeNoop(plan: PatchPlan): boolean {
  return !plan.inc.some(([, by]) => by !== 0);
}

// ---------------------------------------------------------------------------------------------------------
// unique keys
//
// SQLite lets any number of rows have NULL in a unique index; MongoDB (CloudBase) indexes a missing field
// as null and lets only one document have it. Rather than emulate either on the other, both adapters
// require every field of a unique key to be present as a string or a number. Same rule, same answers.

export type UniqueIndex = IndexDecl & { unique: true };

export function uniqueIndexes(decl: CollectionDecl): UniqueIndex[] {
  return decl.indexes.filter((i): i is UniqueIndex => i.unique === true);
}

/** Name used for the conflicting key in `StoreConflictError.key`. */
export const uniqueKeyName = (idx: IndexDecl): string => idx.fields.join(',');

/**
 * The index name both stores use: `ix_<coll>__<field>[__<field>…]`, `ux_` for unique ones (dots in paths
 * become `_`). SQLite reports it in constraint errors; CloudBase reports it in duplicate-key messages, so
 * the deploy step should create CloudBase indexes under the same names.
 */
export function indexName(coll: string, idx: IndexDecl): string {
  const fields = idx.fields.map((f) => f.replace(/\./g, '_')).join('__');
  return `${idx.unique ? 'ux_' : 'ix_'}${coll}__${fields}`;
}

function valueAt(body: unknown, path: string): unknown {
  let cur: unknown = body;
  for (const seg of path.split('.')) {
    if (!plainObject(cur)) return undefined;
    cur = cur[seg];
  }
  return cur;
}

function assertKeyValue(v: unknown, field: string): void {
  if (typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v))) {
    invalid(`unique field ${field} must be a string or number`);
  }
}

export function checkUniqueDoc(body: Record<string, unknown>, unique: UniqueIndex[]): void {
  for (const idx of unique) for (const f of idx.fields) if (f !== ID_PATH) assertKeyValue(valueAt(body, f), f);
}

export function checkUniquePatch(plan: PatchPlan, unique: UniqueIndex[]): void {
  for (const idx of unique) {
    for (const f of idx.fields) {
      for (const p of plan.unset) if (p === f || f.startsWith(`${p}.`)) invalid(`unique field ${f} cannot be removed`);
      for (const [p, value] of plan.set) {
        if (p === f) assertKeyValue(value, f);
        else if (f.startsWith(`${p}.`)) assertKeyValue(valueAt(value, f.slice(p.length + 1)), f);
      }
    }
  }
}
