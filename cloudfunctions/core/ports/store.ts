/**
 * The store port. Shaped by CloudBase's document database so that both adapters (SQLite locally,
 * CloudBase in production) can honour it exactly:
 * - get / getMany / find / count with a small filter subset (equality and the operators below);
 * - insert that fails on an existing id or unique key (`StoreConflictError`);
 * - conditional update by id returning how many documents changed (0 or 1) — atomic counters, seats;
 * - transactions made only of single-document operations by id (CloudBase allows nothing else).
 *
 * Rules both adapters enforce (the contract suite in test/store checks them):
 * - `update` answers 1 when the document matched, even if the patch changed nothing; `updateMany`
 *   answers how many documents actually changed.
 * - unique-key fields must be present, as a string or a number;
 * - any failed write inside a transaction aborts the whole transaction, even if the callback catches it;
 * - calling the plain store, or starting a transaction, inside a transaction callback throws;
 * - equality, `ne` and `in` on array fields are unspecified (CloudBase reads them as "contains"): use `has`.
 *
 * Operators exist only as `Op` instances made by `q.*`. A plain object in a filter value is never an
 * operator: adapters reject any non-scalar value that is not an `Op`, so `{"$ne": null}` arriving from a
 * client can never widen a query.
 */

export type Scalar = string | number | boolean | null;

export interface Doc {
  _id: string;
  [key: string]: unknown;
}

const OP = Symbol('hulian.store.op');

export type OpName = 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin' | 'exists' | 'has';

export class Op {
  readonly [OP] = true;
  constructor(
    readonly op: OpName,
    readonly value: Scalar | Scalar[] | boolean,
  ) {}
}

export function isOp(v: unknown): v is Op {
  return v instanceof Op && (v as Op)[OP] === true;
}

/** Query operators. Values must be scalars (arrays of scalars for in/nin). */
export const q = {
  ne: (v: Scalar) => new Op('ne', v),
  gt: (v: string | number) => new Op('gt', v),
  gte: (v: string | number) => new Op('gte', v),
  lt: (v: string | number) => new Op('lt', v),
  lte: (v: string | number) => new Op('lte', v),
  in: (v: Scalar[]) => new Op('in', v),
  nin: (v: Scalar[]) => new Op('nin', v),
  exists: (v: boolean) => new Op('exists', v),
  /** the array field contains this value */
  has: (v: Scalar) => new Op('has', v),
};

/** Field path → scalar (equality) or operator. Conditions are ANDed. Dotted paths reach nested fields. */
export type Where = Record<string, Scalar | Op>;

export type SortDir = 'asc' | 'desc';

export interface FindQuery {
  where?: Where;
  /** `{field: dir}` in order of precedence; `_id` is a valid field. */
  orderBy?: Array<[string, SortDir]>;
  /** 1..1000 (CloudBase's cap). */
  limit: number;
  skip?: number;
}

export interface Patch {
  /** set fields (dotted paths allowed) to values */
  set?: Record<string, unknown>;
  /** add to numeric fields atomically */
  inc?: Record<string, number>;
  /** remove fields */
  unset?: string[];
}

/** Single-document operations by id; all or nothing. */
export interface StoreTx {
  get<T extends Doc = Doc>(coll: string, id: string): Promise<T | null>;
  /** fails with StoreConflictError when the id exists */
  insert(coll: string, doc: Doc): Promise<void>;
  /** replaces the whole document (creating it when missing) */
  set(coll: string, doc: Doc): Promise<void>;
  /** updates an existing document; returns 0 when missing */
  update(coll: string, id: string, patch: Patch): Promise<number>;
  remove(coll: string, id: string): Promise<number>;
}

export interface Store {
  get<T extends Doc = Doc>(coll: string, id: string): Promise<T | null>;
  /** one round trip; missing ids are simply absent; order not guaranteed */
  getMany<T extends Doc = Doc>(coll: string, ids: string[]): Promise<T[]>;
  find<T extends Doc = Doc>(coll: string, query: FindQuery): Promise<T[]>;
  count(coll: string, where?: Where): Promise<number>;
  /** fails with StoreConflictError on an existing id or a unique key violation */
  insert(coll: string, doc: Doc): Promise<void>;
  /** replaces the whole document (creating it when missing) */
  set(coll: string, doc: Doc): Promise<void>;
  /** updates document `id` if it also matches `where`; returns the number changed (0 or 1) */
  update(coll: string, id: string, patch: Patch, where?: Where): Promise<number>;
  /** updates every document matching `where`; returns the number changed */
  updateMany(coll: string, where: Where, patch: Patch): Promise<number>;
  remove(coll: string, id: string, where?: Where): Promise<number>;
  /**
   * Runs `fn` as one transaction. The callback may be re-run on a write conflict
   * (`StoreTxConflictError`), so it must not have side effects outside `tx`.
   */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
}

export class StoreConflictError extends Error {
  constructor(
    readonly coll: string,
    readonly id: string,
    readonly key?: string,
  ) {
    super(`store conflict in ${coll} on ${key ?? '_id'} (${id})`);
    this.name = 'StoreConflictError';
  }
}

/** A transaction lost a write conflict after its retries. */
export class StoreTxConflictError extends Error {
  constructor(detail = 'transaction conflict') {
    super(detail);
    this.name = 'StoreTxConflictError';
  }
}

/** A query or document the store refuses (non-scalar filter value, `$`-prefixed key, bad field path). */
export class StoreInvalidError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'StoreInvalidError';
  }
}

export const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
export const MAX_FIND_LIMIT = 1000;
/**
 * What one transaction may hold on the cloud (the CloudBase stand-in refuses more): operations (reads and
 * writes by id) and lifetime. Use cases that write many documents batch them under these.
 */
export const TX_LIMITS = { operations: 100, lifetimeMs: 10_000 } as const;
