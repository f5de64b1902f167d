import type { ObjectName } from '../contracts/domain';
import type { Schema } from '../kernel/schema';
import type { Deps, Doc, Scalar, Where } from '../ports';
import { isOp } from '../ports';
import type { Principal } from '../identity/principal';

/** What a spec needs to validate a write: the store (e.g. to check a reference) and the caller. */
export interface WriteContext {
  deps: Deps;
  principal: Principal;
}

/** How a record looks to this caller: may they update it, did they create it. */
export interface ViewContext {
  canUpdate: boolean;
  callerId: string | undefined;
}

export interface FilterDecl {
  /** the stored field the filter compares (equality) */
  field: string;
  schema: Schema<Scalar>;
}

/**
 * Everything object-specific about a kind of business record: where it lives, which fields a caller may
 * write (closed schemas), how state may change, and its wire view. Ownership and scope are generic
 * (records.ts, write.ts) and never part of a spec's input.
 */
export interface RecordSpec<D extends Doc = Doc, V = unknown, C = unknown, U = unknown> {
  object: ObjectName;
  collection: string;
  idPrefix: string;
  /** records carry a `public` flag, so the `public` scope (and the public part of wider ones) applies */
  publicFlag: boolean;
  /** filter key on the wire → stored field; anything else in `filter` is `input/invalid` */
  filters: Record<string, FilterDecl>;
  createSchema: Schema<C>;
  updateSchema: Schema<U>;
  /** the record's own fields from validated input (ownership is stamped by the caller) */
  build(ctx: WriteContext, input: C): Promise<Record<string, unknown>>;
  /** fields to set on `current`; throws `records/invalid-state` when its state forbids the change */
  changes(ctx: WriteContext, current: D, input: U): Promise<Record<string, unknown>>;
  view(doc: D, ctx: ViewContext): V;
}

export type AnySpec = RecordSpec<any, unknown, any, any>;

/**
 * Does one document fall in any of the branches (equality conditions, as `scopeBranches` makes)? Used
 * to annotate records already read through the read scope with `canUpdate` — never to decide what is
 * visible.
 */
export function matchesAny(doc: Doc, branches: Where[]): boolean {
  return branches.some((where) => Object.entries(where).every(([field, value]) => !isOp(value) && doc[field] === value));
}

/** Copies only the keys present in a validated input, renaming camelCase wire keys to stored ones. */
export function pickDefined(input: Record<string, unknown>, rename: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(rename)) if (input[key] !== undefined) out[field] = input[key];
  return out;
}
