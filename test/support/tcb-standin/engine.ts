/**
 * The stand-in's database: collections in memory, unique indexes, and MongoDB-like transactions.
 *
 * Versions: every committed write gets the next sequence number; while any transaction is open, replaced
 * versions are kept (`prev`) so that the transaction reads the snapshot it started from.
 * Transactions: first writer wins — a transaction writing a document that another open transaction has
 * written, or that was committed after its snapshot, fails with DATABASE_TRANSACTION_CONFLICT and is
 * aborted (MongoDB's WriteConflict). A plain write to a document an open transaction holds waits for that
 * transaction to end, as in MongoDB. A failed write inside a transaction aborts it.
 * Limits (core/ports/store.ts TX_LIMITS): a transaction holding more operations than the cloud allows,
 * or used after its lifetime, is aborted with DATABASE_TRANSACTION_FAIL, as the cloud refuses it.
 */
import { randomBytes } from 'node:crypto';
import type { CollectionDecl } from '../../../cloudfunctions/core/schema/collections';
import { TX_LIMITS } from '../../../cloudfunctions/core/ports/store';
import { equal, matches, resolve, sortDocs, type DocObj, type Json } from './query';

export class DbError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Version {
  doc: DocObj | null; // null: deleted
  seq: number;
  prev: Version | null;
}

interface Tx {
  id: string;
  snapshot: number;
  writes: Map<string, { coll: string; id: string; doc: DocObj | null }>;
  state: 'active' | 'committed' | 'aborted';
  timer: NodeJS.Timeout;
  operations: number;
  started: number;
}

export interface EngineLimits {
  txOperations: number;
  txLifetimeMs: number;
}
const LOCK_WAIT_MS = 5_000;

const keyOf = (coll: string, id: string) => `${coll}\u0000${id}`;
export const newId = () => randomBytes(16).toString('hex');

export class Engine {
  private colls = new Map<string, Map<string, Version>>();
  private seq = 0;
  private readonly txs = new Map<string, Tx>();
  private readonly locks = new Map<string, string>(); // doc key → transaction id
  private waiters: Array<() => void> = [];

  constructor(
    private readonly decls: readonly CollectionDecl[],
    private readonly limits: EngineLimits = { txOperations: TX_LIMITS.operations, txLifetimeMs: TX_LIMITS.lifetimeMs },
  ) {
    this.reset();
  }

  reset(): void {
    for (const tx of this.txs.values()) clearTimeout(tx.timer);
    this.txs.clear();
    this.locks.clear();
    this.colls = new Map(this.decls.map((d) => [d.name, new Map()]));
    this.seq = 0;
    this.wake();
  }

  close(): void {
    for (const tx of this.txs.values()) clearTimeout(tx.timer);
  }

  // --- reads -----------------------------------------------------------------------------------------

  private coll(name: string): Map<string, Version> {
    const c = this.colls.get(name);
    if (!c) throw new DbError('DATABASE_COLLECTION_NOT_EXIST', `collection ${name} does not exist`);
    return c;
  }

  private docAt(v: Version | undefined, seq: number): DocObj | null {
    let cur = v;
    while (cur && cur.seq > seq) cur = cur.prev ?? undefined;
    return cur?.doc ?? null;
  }

  /** Documents visible to a reader: committed heads, or a transaction's snapshot plus its own writes. */
  private visible(coll: string, tx?: Tx): DocObj[] {
    const out: DocObj[] = [];
    const c = this.coll(coll);
    for (const [id, v] of c) {
      const own = tx?.writes.get(keyOf(coll, id));
      const doc = own ? own.doc : tx ? this.docAt(v, tx.snapshot) : v.doc;
      if (doc) out.push(doc);
    }
    if (tx) for (const w of tx.writes.values()) if (w.coll === coll && w.doc && !c.has(w.id)) out.push(w.doc);
    return out;
  }

  private read(coll: string, id: string, tx?: Tx): DocObj | null {
    if (tx) {
      const own = tx.writes.get(keyOf(coll, id));
      if (own) return own.doc;
      return this.docAt(this.coll(coll).get(id), tx.snapshot);
    }
    return this.coll(coll).get(id)?.doc ?? null;
  }

  find(coll: string, query: Json, opts: { order?: Array<[string, number]>; offset?: number; limit?: number }, tx?: Tx): DocObj[] {
    let docs = this.visible(coll, tx).filter((d) => matches(d, query));
    if (opts.order?.length) docs = sortDocs(docs, opts.order);
    const offset = opts.offset ?? 0;
    return docs.slice(offset, opts.limit === undefined ? undefined : offset + opts.limit);
  }

  getById(coll: string, id: string, tx?: Tx): DocObj | null {
    return this.read(coll, id, tx);
  }

  // --- unique indexes --------------------------------------------------------------------------------

  /** MongoDB indexes a missing field as null, so two documents without the field collide too. */
  private uniqueClash(coll: string, doc: DocObj, others: DocObj[]): string | null {
    const decl = this.decls.find((d) => d.name === coll);
    for (const idx of decl?.indexes ?? []) {
      if (!idx.unique) continue;
      const keyOfDoc = (d: DocObj) => idx.fields.map((f) => resolve(d, f)[0] ?? null);
      const mine = keyOfDoc(doc);
      for (const other of others) {
        if (other._id === doc._id) continue;
        const theirs = keyOfDoc(other);
        if (mine.every((v, i) => equal(v, theirs[i]))) {
          const name = `ux_${coll}__${idx.fields.map((f) => f.replace(/\./g, '_')).join('__')}`;
          const dup = idx.fields.map((f, i) => `${f}: ${JSON.stringify(mine[i])}`).join(', ');
          return `E11000 duplicate key error collection: ${coll} index: ${name} dup key: { ${dup} }`;
        }
      }
    }
    return null;
  }

  private duplicateId(coll: string, id: string): DbError {
    return new DbError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`);
  }

  // --- plain writes ----------------------------------------------------------------------------------

  private commitVersion(coll: string, id: string, doc: DocObj | null, seq: number): void {
    const c = this.coll(coll);
    const head = c.get(id);
    const keepHistory = this.txs.size > 0;
    if (!doc && !keepHistory) {
      c.delete(id);
      return;
    }
    c.set(id, { doc, seq, prev: keepHistory ? head ?? null : null });
  }

  /**
   * Runs `apply` on the documents `targets` selects, as soon as no open transaction holds any of them.
   * `targets` and `apply` run in the same tick, so nothing can slip in between the match and the write.
   */
  private async whenFree<R>(coll: string, targets: () => string[], apply: (ids: string[]) => R): Promise<R> {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      const ids = targets();
      if (!ids.some((id) => this.locks.has(keyOf(coll, id)))) return apply(ids);
      if (Date.now() > deadline) throw new DbError('DATABASE_TIMEOUT', 'waited too long for a transaction holding the document');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100).unref();
      });
    }
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }

  async insert(coll: string, doc: DocObj): Promise<string> {
    const id = doc._id as string;
    return this.whenFree(coll, () => [id], () => this.insertNow(coll, doc));
  }

  private insertNow(coll: string, doc: DocObj): string {
    const id = doc._id as string;
    if (this.read(coll, id)) throw this.duplicateId(coll, id);
    const clash = this.uniqueClash(coll, doc, this.visible(coll));
    if (clash) throw new DbError('DATABASE_DUPLICATE_WRITE', clash);
    this.commitVersion(coll, id, doc, ++this.seq);
    return id;
  }

  private matchingIds(coll: string, query: Json, multi: boolean): string[] {
    return this.find(coll, query, {})
      .slice(0, multi ? undefined : 1)
      .map((d) => d._id as string);
  }

  /**
   * Applies `change` to every matching document (at most one unless `multi`), atomically: nothing is
   * written unless every change is valid. Returns matched/modified counts and an upserted id.
   */
  async modify(
    coll: string,
    query: Json,
    multi: boolean,
    change: (doc: DocObj) => DocObj,
    upsert: (() => DocObj) | null,
  ): Promise<{ matched: number; modified: number; upsertedId?: string }> {
    return this.whenFree(
      coll,
      () => this.matchingIds(coll, query, multi),
      (ids) => {
        if (!ids.length && upsert) {
          const doc = upsert();
          return { matched: 0, modified: 0, upsertedId: this.insertNow(coll, doc) };
        }
        const changed = ids
          .map((id) => {
            const before = this.read(coll, id)!;
            return { id, before, after: change(before) };
          })
          .filter((n) => !equal(n.before, n.after));
        const pending = new Map(changed.map((n) => [n.id, n.after]));
        const afterAll = this.visible(coll).map((d) => pending.get(d._id as string) ?? d);
        for (const n of changed) {
          const clash = this.uniqueClash(coll, n.after, afterAll);
          if (clash) throw new DbError('DATABASE_DUPLICATE_WRITE', clash);
        }
        const seq = ++this.seq;
        for (const n of changed) this.commitVersion(coll, n.id, n.after, seq);
        return { matched: ids.length, modified: changed.length };
      },
    );
  }

  async remove(coll: string, query: Json, multi: boolean): Promise<number> {
    return this.whenFree(
      coll,
      () => this.matchingIds(coll, query, multi),
      (ids) => {
        const seq = ++this.seq;
        for (const id of ids) this.commitVersion(coll, id, null, seq);
        return ids.length;
      },
    );
  }

  // --- transactions ----------------------------------------------------------------------------------

  begin(): string {
    const id = newId();
    const tx: Tx = {
      id,
      snapshot: this.seq,
      writes: new Map(),
      state: 'active',
      timer: setTimeout(() => this.abort(id), this.limits.txLifetimeMs).unref(),
      operations: 0,
      started: Date.now(),
    };
    this.txs.set(id, tx);
    return id;
  }

  tx(id: string): Tx {
    const tx = this.txs.get(id);
    if (!tx || tx.state !== 'active') throw new DbError('DATABASE_TRANSACTION_FAIL', `transaction ${id} is not active (committed, aborted or unknown)`);
    if (Date.now() - tx.started > this.limits.txLifetimeMs) {
      this.abort(id);
      throw new DbError('DATABASE_TRANSACTION_FAIL', `transaction ${id} outlived its ${this.limits.txLifetimeMs} ms and was aborted`);
    }
    return tx;
  }

  /** One read or write inside a transaction: counted against the cloud's limit. */
  txOperation(id: string): Tx {
    const tx = this.tx(id);
    if (++tx.operations > this.limits.txOperations) {
      this.abort(id);
      throw new DbError('DATABASE_TRANSACTION_FAIL', `a transaction may hold at most ${this.limits.txOperations} operations; ${id} was aborted`);
    }
    return tx;
  }

  /** One document write inside a transaction; any failure aborts the whole transaction. */
  txWrite(tx: Tx, coll: string, id: string, change: (current: DocObj | null) => DocObj | null | undefined): DocObj | null | undefined {
    try {
      const key = keyOf(coll, id);
      const holder = this.locks.get(key);
      if (holder && holder !== tx.id) throw new DbError('DATABASE_TRANSACTION_CONFLICT', 'write conflict: another transaction holds the document');
      const head = this.coll(coll).get(id);
      if (head && head.seq > tx.snapshot) throw new DbError('DATABASE_TRANSACTION_CONFLICT', 'write conflict: the document changed after the transaction started');
      const next = change(this.read(coll, id, tx));
      if (next === undefined) return undefined; // nothing to write (e.g. update of a missing document)
      if (next) {
        const clash = this.uniqueClash(coll, next, this.visible(coll, tx));
        if (clash) throw new DbError('DATABASE_DUPLICATE_WRITE', clash);
        // a key taken since our snapshot, or by another open transaction, is MongoDB's write conflict
        const others = [...this.visible(coll), ...[...this.txs.values()].filter((t) => t !== tx).flatMap((t) => [...t.writes.values()].filter((w) => w.coll === coll && w.doc).map((w) => w.doc!))];
        if (this.uniqueClash(coll, next, others)) throw new DbError('DATABASE_TRANSACTION_CONFLICT', 'write conflict on a unique key');
      }
      this.locks.set(key, tx.id);
      tx.writes.set(key, { coll, id, doc: next });
      return next;
    } catch (e) {
      this.abort(tx.id);
      throw e;
    }
  }

  commit(id: string): void {
    const tx = this.tx(id);
    const writes = [...tx.writes.values()];
    for (const w of writes) {
      if (!w.doc) continue;
      const others = this.visible(w.coll).filter((d) => !tx.writes.has(keyOf(w.coll, d._id as string)));
      const own = writes.filter((x) => x.coll === w.coll && x.doc && x !== w).map((x) => x.doc!);
      if (this.uniqueClash(w.coll, w.doc, [...others, ...own])) {
        this.abort(id);
        throw new DbError('DATABASE_TRANSACTION_CONFLICT', 'write conflict on a unique key at commit');
      }
    }
    const seq = ++this.seq;
    for (const w of writes) this.commitVersion(w.coll, w.id, w.doc, seq);
    this.finish(tx, 'committed');
  }

  abort(id: string): void {
    const tx = this.txs.get(id);
    if (tx && tx.state === 'active') this.finish(tx, 'aborted');
  }

  private finish(tx: Tx, state: Tx['state']): void {
    tx.state = state;
    clearTimeout(tx.timer);
    for (const key of tx.writes.keys()) if (this.locks.get(key) === tx.id) this.locks.delete(key);
    this.txs.delete(tx.id);
    if (!this.txs.size) this.dropHistory();
    this.wake();
  }

  /** With no transaction open, old versions and tombstones serve no reader. */
  private dropHistory(): void {
    for (const c of this.colls.values()) {
      for (const [id, v] of c) {
        if (!v.doc) c.delete(id);
        else if (v.prev) c.set(id, { ...v, prev: null });
      }
    }
  }
}
