/**
 * The part of `@cloudbase/node-sdk` 3.18 / `@cloudbase/database` 1.4 that the store uses, typed
 * structurally (the SDK's own typings are mostly `any`). `tcb.init(...).database()` satisfies `TcbDb`.
 *
 * Behaviour read from the SDK source (node_modules/@cloudbase/database/dist/commonjs):
 * - every call is one `POST …/admin` request (`database.getDocument`, `calculateDocument`,
 *   `insertDocument`, `modifyDocument`, `removeDocument`, `startTransaction`, `commitTransaction`,
 *   `abortTransaction`); inside a transaction the same document actions carry a `transactionId`;
 * - a response carrying `code` makes the SDK throw `TcbError {code, message, requestId}` (or, after
 *   `setThrowOnCode(false)`, resolve with that object — the store checks for both);
 * - `doc(id).get()` resolves `{data: Doc[]}`, in a transaction `{data: Doc | null}`;
 *   `update` resolves `{updated}`, `remove` `{deleted}`, `count` `{total}`, `add` `{id}`.
 */

export interface TcbQuery {
  where(query: object): TcbQuery;
  orderBy(fieldPath: string, direction: 'asc' | 'desc'): TcbQuery;
  skip(offset: number): TcbQuery;
  limit(max: number): TcbQuery;
  get(): Promise<unknown>;
  count(): Promise<unknown>;
  update(data: object): Promise<unknown>;
  remove(): Promise<unknown>;
}

export interface TcbDocRef {
  get(): Promise<unknown>;
  set(data: object): Promise<unknown>;
  update(data: object): Promise<unknown>;
  remove(): Promise<unknown>;
}

export interface TcbCollection extends TcbQuery {
  doc(id: string): TcbDocRef;
  add(data: object): Promise<unknown>;
}

/** `db.command`: builds operator objects the SDK serialises itself (never plain `$` objects). */
export interface TcbCommand {
  eq(v: unknown): unknown;
  neq(v: unknown): unknown;
  gt(v: unknown): unknown;
  gte(v: unknown): unknown;
  lt(v: unknown): unknown;
  lte(v: unknown): unknown;
  in(v: unknown[]): unknown;
  nin(v: unknown[]): unknown;
  exists(v: boolean): unknown;
  and(...conditions: unknown[]): unknown;
  or(...conditions: unknown[]): unknown;
  set(v: unknown): unknown;
  inc(n: number): unknown;
  remove(): unknown;
}

export interface TcbTransaction {
  collection(name: string): TcbCollection;
  commit(): Promise<unknown>;
  rollback(reason?: unknown): Promise<unknown>;
}

export interface TcbDb {
  collection(name: string): TcbCollection;
  command: TcbCommand;
  startTransaction(): Promise<TcbTransaction>;
}
