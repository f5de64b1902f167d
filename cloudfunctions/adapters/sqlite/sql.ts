/**
 * Translation of the normalised filter / sort / patch forms (see guard.ts) into SQLite SQL.
 *
 * Field paths are embedded in the SQL text — they are validated against FIELD_PATH (letters, digits, `_`
 * and dots only), and they must be literal so that `json_extract(doc,'$.a')` in a query is the very
 * expression of the index on `a` (SQLite matches index expressions structurally). Values are always bound.
 *
 * The filters follow MongoDB's (CloudBase's) comparison rules, because the same queries must answer the
 * same on both stores: values compare only within their type (a number never equals `true`, `gt: 5` does
 * not match strings), `null` matches a missing field, `ne`/`nin` match a missing field.
 */
import type { Cond, FindPlan, PatchPlan } from '../shared/store-guard';
import { ID_PATH } from '../shared/store-guard';
import type { Scalar } from '../../core/ports/store';

export type Param = string | number | bigint | null;

export interface Fragment {
  sql: string;
  params: Param[];
}

/** Name of the SQL function (registered by the store) that raises a StoreInvalidError from inside a statement. */
export const FAIL_FN = 'hulian_store_fail';

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const jsonPath = (path: string) => `'$.${path}'`;

/** The one spelling of a field's value: queries and index definitions must both use it. */
export const fieldExpr = (path: string) => (path === ID_PATH ? 'id' : `json_extract(doc,${jsonPath(path)})`);
const typeExpr = (path: string) => `json_type(doc,${jsonPath(path)})`;

const NUMERIC_TYPES = `('integer','real')`;

/** SQLite cannot bind booleans; JSON true/false read back through json_extract as 1/0. */
const bindScalar = (v: Exclude<Scalar, null>): Param => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

function eqField(path: string, v: Scalar, params: Param[]): string {
  const x = fieldExpr(path);
  if (v === null) return `${x} IS NULL`;
  params.push(bindScalar(v));
  if (typeof v === 'string') return `${x} = ?`;
  if (typeof v === 'number') return `(${x} = ? AND ${typeExpr(path)} IN ${NUMERIC_TYPES})`;
  return `(${x} = ? AND ${typeExpr(path)} = '${v ? 'true' : 'false'}')`;
}

function rangeField(path: string, op: string, v: string | number, params: Param[]): string {
  params.push(v);
  const typed = typeof v === 'string' ? `= 'text'` : `IN ${NUMERIC_TYPES}`;
  return `(${fieldExpr(path)} ${op} ? AND ${typeExpr(path)} ${typed})`;
}

function inField(path: string, values: Scalar[], params: Param[]): string {
  const x = fieldExpr(path);
  const strings = values.filter((v): v is string => typeof v === 'string');
  const numbers = values.filter((v): v is number => typeof v === 'number');
  const parts: string[] = [];
  if (strings.length) {
    parts.push(`${x} IN (${strings.map(() => '?').join(',')})`);
    params.push(...strings);
  }
  if (numbers.length) {
    parts.push(`(${x} IN (${numbers.map(() => '?').join(',')}) AND ${typeExpr(path)} IN ${NUMERIC_TYPES})`);
    params.push(...numbers);
  }
  if (values.includes(true)) parts.push(`${typeExpr(path)} = 'true'`);
  if (values.includes(false)) parts.push(`${typeExpr(path)} = 'false'`);
  if (values.includes(null)) parts.push(`${x} IS NULL`);
  return parts.length ? `(${parts.join(' OR ')})` : '0';
}

function hasField(path: string, v: Scalar, params: Param[]): string {
  const each = `SELECT 1 FROM json_each(doc,${jsonPath(path)}) WHERE`;
  if (v === null) return `(${fieldExpr(path)} IS NULL OR EXISTS (${each} type = 'null'))`;
  if (typeof v === 'boolean') return `EXISTS (${each} type = '${v ? 'true' : 'false'}')`;
  params.push(v);
  return typeof v === 'string' ? `EXISTS (${each} type = 'text' AND value = ?)` : `EXISTS (${each} type IN ${NUMERIC_TYPES} AND value = ?)`;
}

const RANGE_SQL = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** `_id` is the TEXT primary key and holds strings only (guard.ts refuses other values for it). */
function idCond(c: Cond, params: Param[]): string {
  switch (c.kind) {
    case 'eq':
      params.push(c.value as string);
      return 'id = ?';
    case 'ne':
      params.push(c.value as string);
      return 'id <> ?';
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      params.push(c.value);
      return `id ${RANGE_SQL[c.kind]} ?`;
    case 'in':
    case 'nin': {
      const list = c.value as string[];
      if (!list.length) return c.kind === 'in' ? '0' : '1';
      params.push(...list);
      return `id ${c.kind === 'in' ? 'IN' : 'NOT IN'} (${list.map(() => '?').join(',')})`;
    }
    default:
      throw new Error(`unreachable: ${c.kind} on _id`);
  }
}

function cond(c: Cond, params: Param[]): string {
  if (c.path === ID_PATH) return idCond(c, params);
  switch (c.kind) {
    case 'eq':
      return eqField(c.path, c.value, params);
    case 'ne':
      // NULL-safe negation: a missing field is "not equal" (as in MongoDB)
      return `NOT coalesce(${eqField(c.path, c.value, params)}, 0)`;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return rangeField(c.path, RANGE_SQL[c.kind], c.value, params);
    case 'in':
      return inField(c.path, c.value, params);
    case 'nin':
      return `NOT coalesce(${inField(c.path, c.value, params)}, 0)`;
    case 'exists':
      return `${typeExpr(c.path)} IS ${c.value ? 'NOT ' : ''}NULL`;
    case 'has':
      return hasField(c.path, c.value, params);
  }
}

export function compileWhere(conds: Cond[]): Fragment {
  const params: Param[] = [];
  const sql = conds.length ? conds.map((c) => cond(c, params)).join(' AND ') : '1';
  return { sql, params };
}

export function compileOrder(order: FindPlan['orderBy']): string {
  return order.map(([path, dir]) => `${fieldExpr(path)} ${dir === 'desc' ? 'DESC' : 'ASC'}`).join(', ');
}

/** Proper prefixes of a dotted path: 'a.b.c' → ['a', 'a.b']. */
function parents(path: string): string[] {
  const segs = path.split('.');
  return segs.slice(1).map((_, i) => segs.slice(0, i + 1).join('.'));
}

/**
 * The new document as one SQL expression over the old `doc`, so an update is a single atomic statement.
 * Like MongoDB, it refuses (via FAIL_FN, which aborts the statement) to `inc` a non-numeric field or to
 * write below a field that is not an object; SQLite's json_set would otherwise silently do nothing.
 */
export function compilePatch(plan: PatchPlan): Fragment {
  const params: Param[] = [];
  const setArgs: string[] = [];
  for (const [path, value] of plan.set) {
    setArgs.push(`${jsonPath(path)}, json(?)`);
    params.push(JSON.stringify(value));
  }
  const guards: string[] = [];
  for (const [path, by] of plan.inc) {
    setArgs.push(`${jsonPath(path)}, coalesce(${fieldExpr(path)}, 0) + ?`);
    // integers stay integers (bound as INTEGER); a REAL bind would turn 1 into 1.0
    params.push(Number.isSafeInteger(by) ? BigInt(by) : by);
    guards.push(`coalesce(${typeExpr(path)}, 'integer') IN ${NUMERIC_TYPES}`);
  }
  for (const path of [...plan.set.map(([p]) => p), ...plan.inc.map(([p]) => p)]) {
    for (const parent of parents(path)) guards.push(`coalesce(${typeExpr(parent)}, 'object') = 'object'`);
  }
  let expr = setArgs.length ? `json_set(doc, ${setArgs.join(', ')})` : 'doc';
  if (plan.unset.length) expr = `json_remove(${expr}, ${plan.unset.map(jsonPath).join(', ')})`;
  if (guards.length) {
    expr = `CASE WHEN ${[...new Set(guards)].join(' AND ')} THEN ${expr} ELSE ${FAIL_FN}('patch does not fit the document: inc needs a number, and fields can only be set inside objects') END`;
  }
  return { sql: expr, params };
}
