/**
 * The store port on the CloudBase document database, through the real `@cloudbase/node-sdk`
 * (`createCloudbaseStore(tcb.init(...).database())`).
 *
 * Inputs are validated by the same guard as the SQLite adapter, so both refuse and accept the same things.
 * Every SDK request counts one round trip (`roundTrips`), as every SQLite statement does there.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  StoreConflictError,
  StoreInvalidError,
  StoreTxConflictError,
  type Doc,
  type FindQuery,
  type Patch,
  type Store,
  type StoreTx,
  type Where,
} from '../../core/ports/store';
import { COLLECTIONS, type CollectionDecl } from '../../core/schema/collections';
import {
  assertId,
  checkDoc,
  checkFind,
  checkIds,
  checkPatch,
  checkUniqueDoc,
  checkUniquePatch,
  checkWhere,
  mayBeNoop,
  uniqueIndexes,
  type PatchPlan,
  type UniqueIndex,
} from '../shared/store-guard';
import type { TcbCollection, TcbDb, TcbTransaction } from './sdk-types';
import { CloudbaseStoreError, isDuplicate, isTxConflict, tcbCode, toConflict } from './store-errors';
import { alreadyPatched, byIdWhere, updateData, whereObject } from './store-query';

export interface CloudbaseStoreOptions {
  /** declared collections (default: core/schema COLLECTIONS); others are refused */
  collections?: readonly CollectionDecl[];
  /** attempts of a transaction that loses write conflicts before StoreTxConflictError (default 5) */
  txAttempts?: number;
}

export interface CloudbaseStore extends Store {
  /** SDK requests so far (one per HTTP call to CloudBase) */
  readonly roundTrips: number;
  resetRoundTrips(): void;
}

interface TxState {
  open: boolean;
  doomed: Error | null;
}

interface Info {
  decl: CollectionDecl;
  unique: UniqueIndex[];
}

export function createCloudbaseStore(db: TcbDb, opts: CloudbaseStoreOptions = {}): CloudbaseStore {
  return new CloudbaseStoreImpl(db, opts.collections ?? COLLECTIONS, Math.max(1, opts.txAttempts ?? 5));
}

type Result = Record<string, unknown>;

const numberField = (res: Result, key: string): number => {
  const v = res[key];
  if (typeof v !== 'number') throw new Error(`unexpected CloudBase response: no ${key}`);
  return v;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class CloudbaseStoreImpl implements CloudbaseStore {
  roundTrips = 0;
  private readonly infos = new Map<string, Info>();
  private readonly context = new AsyncLocalStorage<TxState>();

  constructor(
    private readonly db: TcbDb,
    collections: readonly CollectionDecl[],
    private readonly txAttempts: number,
  ) {
    for (const decl of collections) this.infos.set(decl.name, { decl, unique: uniqueIndexes(decl) });
  }

  resetRoundTrips(): void {
    this.roundTrips = 0;
  }

  // --- Store -----------------------------------------------------------------------------------------

  async get<T extends Doc = Doc>(coll: string, id: string): Promise<T | null> {
    const c = this.coll(coll);
    assertId(id);
    const res = await this.call(coll, id, () => c.doc(id).get());
    const list = res.data as T[];
    return list[0] ?? null;
  }

  async getMany<T extends Doc = Doc>(coll: string, ids: string[]): Promise<T[]> {
    const c = this.coll(coll);
    const list = checkIds(ids);
    if (!list.length) {
      this.outsideTx();
      return [];
    }
    const _ = this.db.command;
    const res = await this.call(coll, '', () => c.where({ _id: _.in(list) }).limit(list.length).get());
    return res.data as T[];
  }

  async find<T extends Doc = Doc>(coll: string, query: FindQuery): Promise<T[]> {
    const c = this.coll(coll);
    const plan = checkFind(query);
    let q = c.where(whereObject(this.db.command, plan.where));
    for (const [path, dir] of plan.orderBy) q = q.orderBy(path, dir);
    if (plan.skip) q = q.skip(plan.skip);
    q = q.limit(plan.limit);
    const res = await this.call(coll, '', () => q.get());
    return res.data as T[];
  }

  async count(coll: string, where?: Where): Promise<number> {
    const c = this.coll(coll);
    const conds = checkWhere(where);
    const res = await this.call(coll, '', () => c.where(whereObject(this.db.command, conds)).count());
    return numberField(res, 'total');
  }

  async insert(coll: string, doc: Doc): Promise<void> {
    const c = this.coll(coll);
    const { id, body } = this.checkedDoc(coll, doc);
    await this.call(coll, id, () => c.add({ _id: id, ...body }));
  }

  async set(coll: string, doc: Doc): Promise<void> {
    const c = this.coll(coll);
    const { id, body } = this.checkedDoc(coll, doc);
    await this.call(coll, id, () => c.doc(id).set(body));
  }

  async update(coll: string, id: string, patch: Patch, where?: Where): Promise<number> {
    const c = this.coll(coll);
    assertId(id);
    const conds = checkWhere(where);
    const plan = this.checkedPatch(coll, patch);
    const _ = this.db.command;
    const data = updateData(_, plan);
    const res = await this.call(coll, id, () => (conds.length ? c.where(byIdWhere(_, id, conds)).update(data) : c.doc(id).update(data)));
    const updated = numberField(res, 'updated');
    if (updated > 0 || !mayBeNoop(plan)) return Math.min(updated, 1);
    // matched but unchanged, or not matched? (see alreadyPatched)
    const check = _.and([byIdWhere(_, id, conds), ...alreadyPatched(_, plan)]) as object;
    const counted = await this.call(coll, id, () => c.where(check).count());
    return numberField(counted, 'total') > 0 ? 1 : 0;
  }

  /** Counts only documents the patch actually changed (CloudBase's `updated`). */
  async updateMany(coll: string, where: Where, patch: Patch): Promise<number> {
    const c = this.coll(coll);
    const conds = checkWhere(where);
    const plan = this.checkedPatch(coll, patch);
    const _ = this.db.command;
    const res = await this.call(coll, '*', () => c.where(whereObject(_, conds)).update(updateData(_, plan)));
    return numberField(res, 'updated');
  }

  async remove(coll: string, id: string, where?: Where): Promise<number> {
    const c = this.coll(coll);
    assertId(id);
    const conds = checkWhere(where);
    const _ = this.db.command;
    const res = await this.call(coll, id, () => (conds.length ? c.where(byIdWhere(_, id, conds)).remove() : c.doc(id).remove()));
    return numberField(res, 'deleted');
  }

  /**
   * start → fn (document operations by id, each carrying the transaction id) → commit. A write conflict
   * (DATABASE_TRANSACTION_CONFLICT, from any operation or the commit) aborts and re-runs `fn`, with a
   * short random back-off, up to `txAttempts` times; then StoreTxConflictError.
   */
  async transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    if (this.context.getStore()?.open) throw new Error('nested transactions are not supported');
    for (let attempt = 1; ; attempt++) {
      const t = await this.request('', '', () => this.db.startTransaction());
      const state: TxState = { open: true, doomed: null };
      let committed = false;
      try {
        const result = await this.context.run(state, () => fn(this.txHandle(t, state)));
        if (state.doomed) throw state.doomed;
        state.open = false;
        await this.request('', '', () => t.commit());
        committed = true;
        return result;
      } catch (e) {
        state.open = false;
        if (!committed) await this.rollback(t);
        const conflict = isTxConflict(e) || e instanceof StoreTxConflictError || state.doomed instanceof StoreTxConflictError;
        if (!conflict) throw e;
        if (attempt >= this.txAttempts) throw new StoreTxConflictError(`transaction conflict after ${attempt} attempts`);
        await sleep(5 + Math.random() * 20 * attempt);
      }
    }
  }

  // --- transaction handle ----------------------------------------------------------------------------

  private txHandle(t: TcbTransaction, state: TxState): StoreTx {
    const op = async <R>(coll: string, run: (c: TcbCollection) => Promise<R>): Promise<R> => {
      if (!state.open) throw new Error('transaction is already finished');
      if (state.doomed) throw state.doomed;
      this.info(coll);
      try {
        return await run(t.collection(coll));
      } catch (e) {
        // CloudBase aborts the transaction on a failed write; later operations would fail anyway
        const failure = isTxConflict(e) ? new StoreTxConflictError() : e;
        if (failure instanceof StoreTxConflictError || failure instanceof StoreConflictError) state.doomed = failure;
        throw failure;
      }
    };
    const send = (coll: string, id: string, request: () => Promise<unknown>) => this.send(coll, id, request);
    return {
      get: <T extends Doc = Doc>(coll: string, id: string) =>
        op(coll, async (c) => {
          assertId(id);
          const res = await send(coll, id, () => c.doc(id).get());
          return (res.data ?? null) as T | null;
        }),
      insert: (coll, doc) =>
        op(coll, async (c) => {
          const { id, body } = this.checkedDoc(coll, doc);
          await send(coll, id, () => c.add({ _id: id, ...body }));
        }),
      set: (coll, doc) =>
        op(coll, async (c) => {
          const { id, body } = this.checkedDoc(coll, doc);
          await send(coll, id, () => c.doc(id).set(body));
        }),
      update: (coll, id, patch) =>
        op(coll, async (c) => {
          assertId(id);
          const plan = this.checkedPatch(coll, patch);
          const res = await send(coll, id, () => c.doc(id).update(updateData(this.db.command, plan)));
          const updated = numberField(res, 'updated');
          if (updated > 0 || !mayBeNoop(plan)) return Math.min(updated, 1);
          // inside the transaction's snapshot: the document exists → it matched and was already so
          const again = await send(coll, id, () => c.doc(id).get());
          return again.data ? 1 : 0;
        }),
      remove: (coll, id) =>
        op(coll, async (c) => {
          assertId(id);
          const res = await send(coll, id, () => c.doc(id).remove());
          return numberField(res, 'deleted');
        }),
    };
  }

  private async rollback(t: TcbTransaction): Promise<void> {
    this.roundTrips++;
    try {
      await t.rollback();
    } catch {
      // the server may already have aborted it (conflict, failed write); nothing left to undo
    }
  }

  // --- helpers ----------------------------------------------------------------------------------------

  private info(coll: string): Info {
    const info = this.infos.get(coll);
    if (!info) throw new StoreInvalidError(`unknown collection ${String(coll)}`);
    return info;
  }

  private coll(coll: string): TcbCollection {
    this.info(coll);
    return this.db.collection(coll);
  }

  private checkedDoc(coll: string, doc: Doc): { id: string; body: Record<string, unknown> } {
    const checked = checkDoc(doc);
    checkUniqueDoc(checked.body, this.info(coll).unique);
    return checked;
  }

  private checkedPatch(coll: string, patch: Patch): PatchPlan {
    const plan = checkPatch(patch);
    checkUniquePatch(plan, this.info(coll).unique);
    return plan;
  }

  /** The plain store must not be used from inside a transaction callback: on SQLite that would deadlock. */
  private outsideTx(): void {
    if (this.context.getStore()?.open) throw new Error('store called inside its own transaction: use the tx handle (nested transactions are not supported)');
  }

  private call(coll: string, id: string, request: () => Promise<unknown>): Promise<Result> {
    this.outsideTx();
    return this.send(coll, id, request);
  }

  /** One SDK request returning a response object. */
  private async send(coll: string, id: string, request: () => Promise<unknown>): Promise<Result> {
    const res = await this.request(coll, id, request);
    if (!res || typeof res !== 'object') throw new Error('unexpected CloudBase response');
    return res as Result;
  }

  /** One SDK request: counted, with CloudBase failures mapped onto the port's errors. */
  private async request<R>(coll: string, id: string, run: () => Promise<R>): Promise<R> {
    this.roundTrips++;
    let res: R;
    try {
      res = await run();
    } catch (e) {
      throw this.mapError(e, coll, id);
    }
    // with setThrowOnCode(false) the SDK resolves with the error body instead of throwing it
    if (tcbCode(res)) throw this.mapError(res, coll, id);
    return res;
  }

  private mapError(e: unknown, coll: string, id: string): unknown {
    if (isDuplicate(e)) return toConflict(e, coll, id, this.infos.get(coll)?.decl);
    if (e instanceof Error) return e;
    const code = tcbCode(e) ?? 'UNKNOWN';
    const { message, requestId } = e as { message?: unknown; requestId?: unknown };
    return new CloudbaseStoreError(code, typeof message === 'string' ? message : '', typeof requestId === 'string' ? requestId : undefined);
  }
}
