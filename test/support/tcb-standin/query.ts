/**
 * A MongoDB-style query evaluator for the subset CloudBase queries use: field conditions (literal or
 * `$eq $ne $gt $gte $lt $lte $in $nin $exists`), `$and $or $nor`, dotted paths through objects and arrays,
 * and MongoDB's comparison rules (values compare within their BSON type bracket; an array field matches
 * when any element does; null matches a missing field). Plus the BSON sort order for `orderBy`.
 *
 * Written independently of the adapters on purpose: the stand-in plays the server, so the contract suite
 * checks the SQLite translation against these semantics rather than against itself.
 */

export type Json = null | boolean | number | string | Date | Json[] | { [k: string]: Json };
export type DocObj = { [k: string]: Json };

export class QueryError extends Error {}

const isObj = (v: unknown): v is DocObj => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** BSON type order (MongoDB "comparison/sort order"), for the types that can occur here. */
function bracket(v: Json | undefined): number {
  if (v === undefined || v === null) return 1;
  if (typeof v === 'number') return 2;
  if (typeof v === 'string') return 3;
  if (Array.isArray(v)) return 5;
  if (v instanceof Date) return 9;
  if (typeof v === 'boolean') return 8;
  return 4;
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** Total order used for sorting and range comparisons (MongoDB compares strings by their UTF-8 bytes). */
export function compare(a: Json | undefined, b: Json | undefined): number {
  const ta = bracket(a);
  const tb = bracket(b);
  if (ta !== tb) return ta - tb;
  if (a === undefined || a === null || b === undefined || b === null) return 0;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return Buffer.compare(utf8(a), utf8(b));
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compare(a[i], b[i]);
      if (c) return c;
    }
    return a.length - b.length;
  }
  const ea = Object.entries(a as DocObj);
  const eb = Object.entries(b as DocObj);
  for (let i = 0; i < Math.min(ea.length, eb.length); i++) {
    const c = compare(ea[i][1], eb[i][1]) || Buffer.compare(utf8(ea[i][0]), utf8(eb[i][0]));
    if (c) return c;
  }
  return ea.length - eb.length;
}

/** Equality as MongoDB sees it: type-strict except int/double; documents are field-order sensitive. */
export const equal = (a: Json | undefined, b: Json | undefined): boolean => bracket(a) === bracket(b) && compare(a, b) === 0;

/** The values found at a dotted path; arrays of objects are traversed (`a.b` over `a: [{b}, {b}]`). */
export function resolve(doc: Json, path: string): Json[] {
  const out: Json[] = [];
  const walk = (v: Json, segs: string[]) => {
    if (!segs.length) {
      out.push(v);
      return;
    }
    if (Array.isArray(v)) {
      for (const e of v) if (isObj(e)) walk(e, segs);
      return;
    }
    if (isObj(v) && Object.prototype.hasOwnProperty.call(v, segs[0])) walk(v[segs[0]], segs.slice(1));
  };
  walk(doc, path.split('.'));
  return out;
}

/** Candidates for a comparison: each value, and the elements of array values. */
const expand = (values: Json[]): Json[] => values.flatMap((v) => (Array.isArray(v) ? [v, ...v] : [v]));

function eq(values: Json[], x: Json): boolean {
  if (x === null && values.length === 0) return true;
  return expand(values).some((c) => equal(c, x));
}

function range(values: Json[], x: Json, test: (c: number) => boolean): boolean {
  return expand(values).some((c) => !Array.isArray(c) && bracket(c) === bracket(x) && test(compare(c, x)));
}

function fieldOp(values: Json[], op: string, x: Json): boolean {
  switch (op) {
    case '$eq':
      return eq(values, x);
    case '$ne':
      return !eq(values, x);
    case '$gt':
      return range(values, x, (c) => c > 0);
    case '$gte':
      return range(values, x, (c) => c >= 0);
    case '$lt':
      return range(values, x, (c) => c < 0);
    case '$lte':
      return range(values, x, (c) => c <= 0);
    case '$in':
    case '$nin': {
      if (!Array.isArray(x)) throw new QueryError(`${op} needs an array`);
      const hit = x.some((e) => eq(values, e));
      return op === '$in' ? hit : !hit;
    }
    case '$exists':
      return (values.length > 0) === Boolean(x);
    default:
      throw new QueryError(`unsupported operator ${op}`);
  }
}

const isOperatorObject = (v: Json): v is DocObj => isObj(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => k.startsWith('$'));

export function matches(doc: DocObj, query: Json): boolean {
  if (!isObj(query)) throw new QueryError('query must be an object');
  for (const [key, cond] of Object.entries(query)) {
    if (key === '$and' || key === '$or' || key === '$nor') {
      if (!Array.isArray(cond)) throw new QueryError(`${key} needs an array`);
      const results = cond.map((sub) => matches(doc, sub));
      const ok = key === '$and' ? results.every(Boolean) : key === '$or' ? results.some(Boolean) : !results.some(Boolean);
      if (!ok) return false;
      continue;
    }
    if (key.startsWith('$')) throw new QueryError(`unsupported top-level operator ${key}`);
    const values = resolve(doc, key);
    if (isOperatorObject(cond)) {
      for (const [op, x] of Object.entries(cond)) if (!fieldOp(values, op, x)) return false;
    } else if (!eq(values, cond)) {
      return false;
    }
  }
  return true;
}

/** Sort key of one field: missing/null lowest; an array sorts by its least element ascending, greatest descending. */
function sortKey(doc: DocObj, path: string, dir: number): Json | undefined {
  const values = resolve(doc, path).flatMap((v) => (Array.isArray(v) ? (v.length ? v : [null]) : [v]));
  if (!values.length) return undefined;
  return values.reduce((best, v) => (compare(v, best) * dir < 0 ? v : best));
}

export function sortDocs(docs: DocObj[], order: Array<[string, number]>): DocObj[] {
  return [...docs].sort((a, b) => {
    for (const [path, dir] of order) {
      const c = compare(sortKey(a, path, dir), sortKey(b, path, dir)) * dir;
      if (c) return c;
    }
    return 0;
  });
}
