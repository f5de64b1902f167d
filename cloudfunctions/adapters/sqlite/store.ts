/**
 * The store port on an embedded SQLite database (better-sqlite3 12.x): the local runtime's store.
 *
 * Every operation is one synchronous statement, hence atomic with respect to everything else in the
 * process; transactions are BEGIN IMMEDIATE … COMMIT behind an in-process gate (gate.ts).
 */
import Database from 'better-sqlite3';
import {
  StoreConflictError,
  StoreInvalidError,
  type Doc,
  type FindQuery,
  type Patch,
  type Store,
  type StoreTx,
  type Where,
} from '../../core/ports/store';
import type { CollectionDecl } from '../../core/schema/collections';
import {
  checkDoc,
  checkFind,
  checkIds,
  checkPatch,
  checkUniqueDoc,
  checkUniquePatch,
  checkWhere,
  assertId,
  uniqueIndexes,
  type UniqueIndex,
} from '../shared/store-guard';
import { Gate, type TxState } from './gate';
import { applyCollections, uniqueKeysByIndex } from './schema';
import { FAIL_FN, compileOrder, compilePatch, compileWhere, quoteIdent, type Param } from './sql';

export interface SqliteStoreOptions {
  /** a file path, or ':memory:' */
  file: string;
  collections: readonly CollectionDecl[];
  /** how long a statement waits for another process's lock (ms); default 5000 */
  busyTimeoutMs?: number;
}

export interface SqliteStore extends Store {
  /** store round trips so far: one per Store call and one per transaction operation (for benchmarks) */
  readonly roundTrips: number;
  resetRoundTrips(): void;
  /** `EXPLAIN QUERY PLAN` details of the statement `find` would run (tests, benchmarks) */
  explainFind(coll: string, query: FindQuery): string[];
  /** the underlying connection, for maintenance tools and tests */
  readonly db: Database.Database;
  close(): void;
}

interface CollInfo {
  name: string;
  table: string;
  unique: UniqueIndex[];
  keysByIndex: Map<string, string>;
}

const STATEMENT_CACHE_MAX = 500;

const parseDoc = <T>(text: string): T => JSON.parse(text) as T;

/** Stored text keeps `_id` first, as CloudBase returns it. */
const docText = (id: string, body: Record<string, unknown>) => JSON.stringify({ _id: id, ...body });

export function openSqliteStore(opts: SqliteStoreOptions): SqliteStore {
  const db = new Database(opts.file);
  try {
    // WAL + synchronous=NORMAL: a commit is written to the WAL file before COMMIT returns, so it survives
    // a crash or SIGKILL of this process; only an OS crash or power loss can lose the last commits
    // (FULL would also fsync each commit — for a dev/single-box runtime not worth the latency).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs ?? 5000))}`);
    db.pragma('temp_store = MEMORY');
    db.function(FAIL_FN, { deterministic: true }, (message: unknown) => {
      throw new StoreInvalidError(String(message));
    });
    applyCollections(db, opts.collections);
    return new SqliteStoreImpl(db, opts.collections);
  } catch (e) {
    db.close();
    throw e;
  }
}

class SqliteStoreImpl implements SqliteStore {
  roundTrips = 0;
  private readonly gate = new Gate();
  private readonly colls = new Map<string, CollInfo>();
  private readonly stmts = new Map<string, Database.Statement>();

  constructor(
    readonly db: Database.Database,
    collections: readonly CollectionDecl[],
  ) {
    for (const decl of collections) {
      this.colls.set(decl.name, {
        name: decl.name,
        table: quoteIdent(decl.name),
        unique: uniqueIndexes(decl),
        keysByIndex: uniqueKeysByIndex(decl),
      });
    }
  }

  resetRoundTrips(): void {
    this.roundTrips = 0;
  }

  close(): void {
    this.stmts.clear();
    this.db.close();
  }

  // --- Store -----------------------------------------------------------------------------------------

  async get<T extends Doc = Doc>(coll: string, id: string): Promise<T | null> {
    this.roundTrips++;
    if (this.gate.isHeld) await this.gate.pass();
    return this.opGet<T>(coll, id);
  }

  async getMany<T extends Doc = Doc>(coll: string, ids: string[]): Promise<T[]> {
    this.roundTrips++;
    if (this.gate.isHeld) await this.gate.pass();
    const info = this.info(coll);
    const list = checkIds(ids);
    if (!list.length) return [];
    const rows = this.stmt(`SELECT doc FROM ${info.table} WHERE id IN (SELECT value FROM json_each(?))`, true).all(JSON.stringify(list)) as string[];
    return rows.map((r) => parseDoc<T>(r));
  }

  async find<T extends Doc = Doc>(coll: string, query: FindQuery): Promise<T[]> {
    this.roundTrips++;
    if (this.gate.isHeld) await this.gate.pass();
    const { sql, params } = this.findSql(coll, query);
    return (this.stmt(sql, true).all(...params) as string[]).map((r) => parseDoc<T>(r));
  }

  async count(coll: string, where?: Where): Promise<number> {
    this.roundTrips++;
    if (this.gate.isHeld) await this.gate.pass();
    const info = this.info(coll);
    const w = compileWhere(checkWhere(where));
    return this.stmt(`SELECT count(*) FROM ${info.table} WHERE ${w.sql}`, true).get(...w.params) as number;
  }

  async insert(coll: string, doc: Doc): Promise<void> {
    this.roundTrips++;
    if (this.gate.isHeld) await this.gate.pass();
    this.opInsert(coll, doc);
  }

  async set(coll: string, doc: Doc): Promise<void> {
    this.roundTrips++;
    if (this.gate.isHeld) await this.gate.pass();
    this.opSet(coll, doc);
  }

  async update(coll: string, id: string, patch: Patch, where?: Where): Promise<number> {
    this.roundTrips++;
    if (this.gate.isHeld) await this.gate.pass();
    return this.opUpdate(coll, id, patch, where);
  }

  /** Counts only documents the patch actually changed (as CloudBase/MongoDB report `updated`). */
  async updateMany(coll: string, where: Where, patch: Patch): Promise<number> {
    this.roundTrips++;
    if (this.gate.isHeld) await this.gate.pass();
    const info = this.info(coll);
    const conds = checkWhere(where);
    const plan = checkPatch(patch);
    checkUniquePatch(plan, info.unique);
    const p = compilePatch(plan);
    const w = compileWhere(conds);
    const sql = `UPDATE ${info.table} SET doc = ${p.sql} WHERE ${w.sql} AND (${p.sql}) IS NOT doc`;
    return this.write(info, '*', () => this.stmt(sql).run(...p.params, ...w.params, ...p.params).changes);
  }

  async remove(coll: string, id: string, where?: Where): Promise<number> {
    this.roundTrips++;
    if (this.gate.isHeld) await this.gate.pass();
    return this.opRemove(coll, id, where);
  }

  async transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    this.roundTrips++;
    if (this.gate.current()) throw new Error('nested transactions are not supported');
    const release = await this.gate.acquire();
    const state: TxState = { open: true, doomed: null };
    try {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await this.gate.run(state, () => fn(this.txHandle(state)));
        if (state.doomed) throw state.doomed;
        this.db.exec('COMMIT');
        return result;
      } catch (e) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw e;
      }
    } finally {
      state.open = false;
      release();
    }
  }

  explainFind(coll: string, query: FindQuery): string[] {
    const { sql, params } = this.findSql(coll, query);
    const rows = this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>;
    return rows.map((r) => r.detail);
  }

  // --- transaction handle ----------------------------------------------------------------------------

  private txHandle(state: TxState): StoreTx {
    const guard = <R>(op: () => R): Promise<R> => {
      if (!state.open) return Promise.reject(new Error('transaction is already finished'));
      if (state.doomed) return Promise.reject(state.doomed);
      this.roundTrips++;
      try {
        return Promise.resolve(op());
      } catch (e) {
        // CloudBase aborts a transaction whose write failed; mirror that so both stores behave alike
        if (e instanceof StoreConflictError) state.doomed = e;
        return Promise.reject(e);
      }
    };
    return {
      get: <T extends Doc = Doc>(coll: string, id: string) => guard(() => this.opGet<T>(coll, id)),
      insert: (coll, doc) => guard(() => this.opInsert(coll, doc)),
      set: (coll, doc) => guard(() => this.opSet(coll, doc)),
      update: (coll, id, patch) => guard(() => this.opUpdate(coll, id, patch, undefined)),
      remove: (coll, id) => guard(() => this.opRemove(coll, id, undefined)),
    };
  }

  // --- synchronous operations shared by the store and its transactions -------------------------------

  private opGet<T>(coll: string, id: string): T | null {
    const info = this.info(coll);
    assertId(id);
    const text = this.stmt(`SELECT doc FROM ${info.table} WHERE id = ?`, true).get(id) as string | undefined;
    return text === undefined ? null : parseDoc<T>(text);
  }

  private opInsert(coll: string, doc: Doc): void {
    const info = this.info(coll);
    const { id, body } = checkDoc(doc);
    checkUniqueDoc(body, info.unique);
    this.write(info, id, () => this.stmt(`INSERT INTO ${info.table} (id, doc) VALUES (?, ?)`).run(id, docText(id, body)));
  }

  private opSet(coll: string, doc: Doc): void {
    const info = this.info(coll);
    const { id, body } = checkDoc(doc);
    checkUniqueDoc(body, info.unique);
    const sql = `INSERT INTO ${info.table} (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`;
    this.write(info, id, () => this.stmt(sql).run(id, docText(id, body)));
  }

  /** 1 when document `id` exists and matches `where` (even if the patch leaves it as it was), else 0. */
  private opUpdate(coll: string, id: string, patch: Patch, where: Where | undefined): number {
    const info = this.info(coll);
    assertId(id);
    const conds = checkWhere(where);
    const plan = checkPatch(patch);
    checkUniquePatch(plan, info.unique);
    const p = compilePatch(plan);
    const w = compileWhere(conds);
    const sql = `UPDATE ${info.table} SET doc = ${p.sql} WHERE id = ? AND ${w.sql}`;
    return this.write(info, id, () => this.stmt(sql).run(...p.params, id, ...w.params).changes);
  }

  private opRemove(coll: string, id: string, where: Where | undefined): number {
    const info = this.info(coll);
    assertId(id);
    const w = compileWhere(checkWhere(where));
    return this.stmt(`DELETE FROM ${info.table} WHERE id = ? AND ${w.sql}`).run(id, ...w.params).changes;
  }

  // --- helpers ----------------------------------------------------------------------------------------

  private findSql(coll: string, query: FindQuery): { sql: string; params: Param[] } {
    const info = this.info(coll);
    const plan = checkFind(query);
    const w = compileWhere(plan.where);
    const sql = `SELECT doc FROM ${info.table} WHERE ${w.sql} ORDER BY ${compileOrder(plan.orderBy)} LIMIT ? OFFSET ?`;
    return { sql, params: [...w.params, plan.limit, plan.skip] };
  }

  private info(coll: string): CollInfo {
    const info = this.colls.get(coll);
    if (!info) throw new StoreInvalidError(`unknown collection ${String(coll)}`);
    return info;
  }

  /** Prepared statements are cached by SQL text; the text depends only on the query's shape. */
  private stmt(sql: string, pluck = false): Database.Statement {
    const key = pluck ? `p:${sql}` : sql;
    let s = this.stmts.get(key);
    if (!s) {
      if (this.stmts.size >= STATEMENT_CACHE_MAX) this.stmts.clear();
      s = this.db.prepare(sql);
      if (pluck) s.pluck(true);
      this.stmts.set(key, s);
    }
    return s;
  }

  /** Runs a write, turning SQLite constraint failures into StoreConflictError. */
  private write<R>(info: CollInfo, id: string, run: () => R): R {
    try {
      return run();
    } catch (e) {
      // by code, not `instanceof`: the native addon keeps the error class of the first copy of
      // better-sqlite3 loaded in the process, which may come from another module registry or realm
      // (jest loads one per test file)
      const { code, message } = typeof e === 'object' && e !== null ? (e as { code?: unknown; message?: unknown }) : {};
      if (typeof code === 'string') {
        if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new StoreConflictError(info.name, id);
        if (code === 'SQLITE_CONSTRAINT_UNIQUE') {
          const index = /index '([^']+)'/.exec(String(message))?.[1];
          throw new StoreConflictError(info.name, id, (index && info.keysByIndex.get(index)) || 'unknown');
        }
      }
      throw e;
    }
  }
}
