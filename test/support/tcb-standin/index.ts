/**
 * A local stand-in for CloudBase's admin API, good enough for the REAL `@cloudbase/node-sdk` to run
 * against it:
 *
 *   process.env.TENCENTCLOUD = 'true'; // else the SDK probes a metadata host
 *   const app = tcb.init({ env: 'test-env', secretId: 'AKIDtest', secretKey: 'test', serviceUrl: `${url}/admin` });
 *
 * It checks the TC3-HMAC-SHA256 signature and the environment, decodes the canonical EJSON the SDK sends,
 * keeps collections in memory (only declared ones exist), enforces their unique indexes, runs
 * MongoDB-like transactions (snapshot reads, first-writer-wins conflicts) and answers in the shapes the SDK
 * reads — `{requestId, data: {list | total | insertedIds | updated | deleted}}`, `{requestId,
 * transactionId}`, and on failure HTTP 200 `{code, message, requestId}` with CloudBase's codes.
 * `updated` counts modified documents, as MongoDB's nModified does.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { COLLECTIONS, type CollectionDecl } from '../../../cloudfunctions/core/schema/collections';
import { EjsonError, parse, stringify } from './ejson';
import { DbError, Engine, newId, type EngineLimits } from './engine';
import { QueryError, equal, type DocObj, type Json } from './query';
import { checkSignature } from './signature';
import { UpdateError, applyOperators, replacement } from './update';

export interface TcbStandinOptions {
  collections?: readonly CollectionDecl[];
  env?: string;
  secretId?: string;
  secretKey?: string;
  /**
   * More admin-API actions (e.g. `wx.api`, see wx-phone.ts), answered after the same signature and
   * environment checks. A handler returns the body's fields besides `requestId`; throwing a DbError
   * answers `{code, message}`.
   */
  actions?: Record<string, (body: Record<string, unknown>) => Promise<Record<string, unknown>>>;
  /**
   * How duplicate keys and write conflicts are answered: `dedicated` (DATABASE_DUPLICATE_WRITE,
   * DATABASE_TRANSACTION_CONFLICT) or `request-failed` (DATABASE_REQUEST_FAILED carrying MongoDB's own
   * E11000 / WriteConflict message) — the database answers in both shapes (DESIGN §7)
   */
  failureShape?: 'dedicated' | 'request-failed';
  /** transaction limits (default core/ports/store.ts TX_LIMITS) */
  limits?: EngineLimits;
  /** added before every answer, as network and server time on the cloud */
  latencyMs?: number;
}

export interface TcbStandin {
  /** base URL; the SDK's serviceUrl is `${url}/admin` */
  url: string;
  close(): Promise<void>;
  /** empties every collection and forgets open transactions */
  reset(): void;
  /** actions received since the last reset, in order (for tests about what went over the wire) */
  readonly requests: ReadonlyArray<{ action: string; transactionId?: string; queryType?: string }>;
}

const MAX_BODY = 10 * 1024 * 1024;
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

class ParamError extends Error {}

type Body = Record<string, unknown>;

const str = (b: Body, key: string): string => {
  const v = b[key];
  if (typeof v !== 'string' || !v) throw new ParamError(`${key} is required`);
  return v;
};

const optNum = (b: Body, key: string): number | undefined => {
  const v = b[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new ParamError(`${key} must be a non-negative integer`);
  return v;
};

const isObj = (v: unknown): v is DocObj => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

function queryOf(b: Body): Json {
  if (b.query === undefined) return {};
  const q = parse(b.query) as Json;
  if (!isObj(q)) throw new ParamError('query must be an object');
  return q;
}

/** Transactions in CloudBase work on single documents by id only. */
function docIdOf(b: Body): string {
  const q = queryOf(b);
  if (b.queryType !== 'DOC' || !isObj(q) || Object.keys(q).length !== 1 || typeof q._id !== 'string') {
    throw new ParamError('inside a transaction only single-document operations by _id are allowed');
  }
  return q._id;
}

function orderOf(b: Body): Array<[string, number]> {
  if (b.order === undefined) return [];
  const o = parse(b.order);
  if (!isObj(o)) throw new ParamError('order must be an object');
  return Object.entries(o).map(([k, v]) => {
    if (v !== 1 && v !== -1) throw new ParamError('order values are 1 or -1');
    return [k, v];
  });
}

function insertDocs(b: Body): DocObj[] {
  const data = b.data;
  if (!Array.isArray(data) || !data.length) throw new ParamError('data must be a non-empty array');
  return data.map((text) => {
    const d = parse(text);
    if (!isObj(d)) throw new ParamError('a document must be an object');
    if (d._id === undefined) return { _id: newId(), ...d };
    if (typeof d._id !== 'string' || !d._id) throw new ParamError('_id must be a non-empty string');
    return d;
  });
}

function handlers(engine: Engine) {
  return {
    async 'database.getDocument'(b: Body) {
      const coll = str(b, 'collectionName');
      if (b.projection !== undefined) throw new ParamError('projection is not supported by the stand-in');
      if (b.transactionId !== undefined) {
        const tx = engine.txOperation(str(b, 'transactionId'));
        const doc = engine.getById(coll, docIdOf(b), tx);
        return { data: { list: doc ? [stringify(doc)] : [] } };
      }
      const limit = optNum(b, 'limit') ?? DEFAULT_LIMIT;
      // the cloud answers at most 1000 documents a query: asking for more is refused, never truncated
      if (limit > MAX_LIMIT) throw new ParamError(`limit must not exceed ${MAX_LIMIT}`);
      const offset = optNum(b, 'offset') ?? 0;
      const docs = engine.find(coll, queryOf(b), { order: orderOf(b), offset, limit });
      return { data: { list: docs.map(stringify), limit, offset } };
    },

    async 'database.calculateDocument'(b: Body) {
      const coll = str(b, 'collectionName');
      return { data: { total: engine.find(coll, queryOf(b), {}).length } };
    },

    async 'database.insertDocument'(b: Body) {
      const coll = str(b, 'collectionName');
      const docs = insertDocs(b);
      if (b.transactionId !== undefined) {
        const tx = engine.txOperation(str(b, 'transactionId'));
        if (docs.length !== 1) throw new ParamError('a transaction inserts one document at a time');
        const [doc] = docs;
        engine.txWrite(tx, coll, doc._id as string, (cur) => {
          if (cur) throw new DbError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: ${JSON.stringify(doc._id)} }`);
          return doc;
        });
        return { data: { insertedIds: [doc._id] } };
      }
      const insertedIds: string[] = [];
      for (const doc of docs) insertedIds.push(await engine.insert(coll, doc)); // ordered: stops at the first error
      return { data: { insertedIds } };
    },

    async 'database.modifyDocument'(b: Body) {
      const coll = str(b, 'collectionName');
      const data = parse(b.data) as Json;
      const merge = b.merge !== false;
      const upsert = b.upsert === true;
      const change = (d: DocObj) => (merge ? applyOperators(d, data) : replacement(d._id as string, data));
      if (b.transactionId !== undefined) {
        const tx = engine.txOperation(str(b, 'transactionId'));
        const id = docIdOf(b);
        const outcome = { updated: 0, created: false };
        engine.txWrite(tx, coll, id, (cur) => {
          if (!cur) {
            if (!upsert || merge) return undefined;
            outcome.created = true;
            return replacement(id, data);
          }
          const next = change(cur);
          if (equal(cur, next)) return undefined;
          outcome.updated = 1;
          return next;
        });
        return { data: { updated: outcome.updated, upsert_id: outcome.created ? id : undefined } };
      }
      const query = queryOf(b);
      const upsertDoc = upsert && !merge && b.queryType === 'DOC' && isObj(query) && typeof query._id === 'string' ? () => replacement(query._id as string, data) : null;
      const r = await engine.modify(coll, query, b.multi === true, change, upsertDoc);
      return { data: { updated: r.modified, upsert_id: r.upsertedId } };
    },

    async 'database.removeDocument'(b: Body) {
      const coll = str(b, 'collectionName');
      if (b.transactionId !== undefined) {
        const tx = engine.txOperation(str(b, 'transactionId'));
        let deleted = 0;
        engine.txWrite(tx, coll, docIdOf(b), (cur) => {
          if (!cur) return undefined;
          deleted = 1;
          return null;
        });
        return { data: { deleted } };
      }
      return { data: { deleted: await engine.remove(coll, queryOf(b), b.multi === true) } };
    },

    async 'database.startTransaction'() {
      return { transactionId: engine.begin() };
    },

    async 'database.commitTransaction'(b: Body) {
      engine.commit(str(b, 'transactionId'));
      return {};
    },

    async 'database.abortTransaction'(b: Body) {
      const id = str(b, 'transactionId');
      engine.tx(id);
      engine.abort(id);
      return {};
    },
  } as Record<string, (b: Body) => Promise<Record<string, unknown>>>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(new Error('body too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const MONGO_WRITE_CONFLICT = 'WriteConflict error: this operation conflicted with another operation. Please retry your operation or multi-document transaction.';

function errorBody(e: unknown, shape: TcbStandinOptions['failureShape'] = 'dedicated'): { code: string; message: string } {
  if (e instanceof DbError && shape === 'request-failed') {
    if (e.code === 'DATABASE_DUPLICATE_WRITE') return { code: 'DATABASE_REQUEST_FAILED', message: e.message };
    if (e.code === 'DATABASE_TRANSACTION_CONFLICT') return { code: 'DATABASE_REQUEST_FAILED', message: `${MONGO_WRITE_CONFLICT} (${e.message})` };
  }
  if (e instanceof DbError || e instanceof UpdateError) return { code: e.code, message: e.message };
  if (e instanceof ParamError || e instanceof EjsonError || e instanceof QueryError) return { code: 'INVALID_PARAM', message: e.message };
  return { code: 'SYS_ERR', message: e instanceof Error ? e.message : String(e) };
}

export async function startTcbStandin(opts: TcbStandinOptions = {}): Promise<TcbStandin> {
  const env = opts.env ?? 'test-env';
  const creds = { secretId: opts.secretId ?? 'AKIDtest', secretKey: opts.secretKey ?? 'test' };
  const engine = new Engine(opts.collections ?? COLLECTIONS, opts.limits);
  const actions = { ...handlers(engine), ...opts.actions };
  const requests: Array<{ action: string; transactionId?: string; queryType?: string }> = [];

  const send = async (res: ServerResponse, status: number, body: unknown) => {
    if (opts.latencyMs) await new Promise((r) => setTimeout(r, opts.latencyMs));
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };

  const server = createServer(async (req, res) => {
    const requestId = randomUUID();
    try {
      const [path, qs = ''] = (req.url ?? '').split('?');
      if (req.method !== 'POST' || path !== '/admin') return send(res, 404, { code: 'NOT_FOUND', message: 'not found', requestId });
      let body: Body;
      try {
        const parsed: unknown = JSON.parse(await readBody(req));
        if (!isObj(parsed)) throw new Error('not an object');
        body = parsed as Body;
      } catch {
        return send(res, 400, { code: 'INVALID_PARAM', message: 'body must be a JSON object', requestId });
      }
      const why = checkSignature({ method: req.method, url: req.url ?? '', headers: req.headers }, body, creds);
      if (why) return send(res, 200, { code: 'SIGN_PARAM_INVALID', message: why, requestId });
      if (new URLSearchParams(qs).get('env') !== env || body.envName !== env) return send(res, 200, { code: 'INVALID_ENV', message: `environment ${String(body.envName)} not found`, requestId });
      const action = typeof body.action === 'string' ? body.action : '';
      const handler = Object.prototype.hasOwnProperty.call(actions, action) ? actions[action] : undefined;
      if (!handler) return send(res, 200, { code: 'INVALID_ACTION', message: `unsupported action ${action}`, requestId });
      requests.push({ action, transactionId: typeof body.transactionId === 'string' ? body.transactionId : undefined, queryType: typeof body.queryType === 'string' ? body.queryType : undefined });
      send(res, 200, { requestId, ...(await handler(body)) });
    } catch (e) {
      send(res, 200, { ...errorBody(e, opts.failureShape), requestId });
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reset() {
      engine.reset();
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        engine.close();
        server.close((err) => (err ? reject(err) : resolve()));
        // the SDK keeps connections alive; do not wait for them to idle out
        server.closeAllConnections();
      }),
  };
}
