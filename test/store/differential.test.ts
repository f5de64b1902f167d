/**
 * Differential check: random documents, filters, sorts and patches must give the same answers on the
 * SQLite adapter (SQL translation) and on the CloudBase adapter against the stand-in (an independent
 * MongoDB-semantics evaluator). The hand-written contract pins the intended cases; this hunts for the
 * ones nobody thought of.
 */
import tcb from '@cloudbase/node-sdk';
import fc from 'fast-check';
import { createCloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/store';
import type { TcbDb } from '../../cloudfunctions/adapters/cloudbase/sdk-types';
import { openSqliteStore, type SqliteStore } from '../../cloudfunctions/adapters/sqlite';
import { q, type Doc, type Patch, type Scalar, type Store, type Where } from '../../cloudfunctions/core/ports/store';
import type { CollectionDecl } from '../../cloudfunctions/core/schema/collections';
import { startTcbStandin, type TcbStandin } from '../support/tcb-standin';

const COLLS: readonly CollectionDecl[] = [{ name: 'docs', indexes: [{ fields: ['s', 'i'] }, { fields: ['n.x'] }] }];

let standin: TcbStandin;
let cloud: Store;
let sqlite: SqliteStore;

beforeAll(async () => {
  process.env.TENCENTCLOUD = 'true';
  standin = await startTcbStandin({ collections: COLLS });
  const app = tcb.init({ env: 'test-env', secretId: 'AKIDtest', secretKey: 'test', serviceUrl: `${standin.url}/admin` });
  cloud = createCloudbaseStore(app.database() as unknown as TcbDb, { collections: COLLS });
});
afterAll(async () => {
  await standin.close();
});
beforeEach(() => {
  sqlite = openSqliteStore({ file: ':memory:', collections: COLLS });
});
afterEach(() => {
  sqlite.close();
});

// value domains small enough to collide often; `m` mixes every scalar type (filters only: sorting booleans
// against other types is left unspecified), `s`/`i`/`n.x` are sortable
const str = fc.constantFrom('a', 'b', 'B', 'ab', '10', '9', '', '深圳');
const num = fc.constantFrom(-1, 0, 1, 2, 9, 10, 1.5);
const scalar: fc.Arbitrary<Scalar> = fc.oneof(str, num, fc.boolean(), fc.constant(null));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });

const docArb = fc.record(
  {
    s: maybe(fc.oneof(str, fc.constant(null))),
    i: maybe(fc.oneof(num, fc.constant(null))),
    m: maybe(scalar),
    n: maybe(fc.record({ x: maybe(fc.oneof(str, num)) }, { requiredKeys: [] })),
    tags: maybe(fc.array(str, { maxLength: 3 })),
  },
  { requiredKeys: [] },
);
const docsArb = fc.array(docArb, { minLength: 1, maxLength: 12 }).map((ds) => ds.map((d, k) => ({ _id: `d${k}`, ...d }) as Doc));

const FIELDS = ['s', 'i', 'm', 'n.x'] as const;
const condArb: fc.Arbitrary<[string, Scalar | ReturnType<typeof q.ne>]> = fc.oneof(
  fc.tuple(fc.constantFrom(...FIELDS), scalar),
  fc.tuple(fc.constantFrom(...FIELDS), scalar.map(q.ne)),
  fc.tuple(fc.constantFrom(...FIELDS), fc.oneof(str, num).chain((v) => fc.constantFrom(q.gt(v), q.gte(v), q.lt(v), q.lte(v)))),
  fc.tuple(fc.constantFrom(...FIELDS), fc.array(scalar, { maxLength: 3 }).chain((vs) => fc.constantFrom(q.in(vs), q.nin(vs)))),
  fc.tuple(fc.constantFrom(...FIELDS, 'tags', 'n'), fc.boolean().map(q.exists)),
  fc.tuple(fc.constantFrom('tags', 'm', 's'), scalar.map(q.has)),
  fc.tuple(fc.constant('_id'), fc.constantFrom('d0', 'd3', 'd7').chain((v) => fc.constantFrom(v, q.ne(v), q.gt(v), q.lte(v), q.in([v, 'd1'])))),
);
const whereArb = fc.array(condArb, { maxLength: 3 }).map((cs) => Object.fromEntries(cs) as Where);
const orderArb = fc.uniqueArray(fc.tuple(fc.constantFrom('s', 'i', 'n.x', '_id'), fc.constantFrom('asc' as const, 'desc' as const)), { maxLength: 2, selector: ([f]) => f });

async function load(docs: Doc[]) {
  standin.reset();
  for (const d of docs) {
    await sqlite.insert('docs', structuredClone(d));
    await cloud.insert('docs', structuredClone(d));
  }
}

const settle = <T>(p: Promise<T>) => p.then((value) => ({ ok: true as const, value }), (e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.name : String(e) }));

describe('sqlite and cloudbase agree', () => {
  it('given random documents, when queried with random filters, sorts and pages, then both return the same documents in the same order', async () => {
    await fc.assert(
      fc.asyncProperty(docsArb, fc.array(fc.tuple(whereArb, orderArb, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 4 }), async (docs, queries) => {
        sqlite.close();
        sqlite = openSqliteStore({ file: ':memory:', collections: COLLS });
        await load(docs);
        for (const [where, orderBy, limit, skip] of queries) {
          const query = { where, orderBy, limit, skip };
          expect(await sqlite.find('docs', query)).toEqual(await cloud.find('docs', query));
          expect(await sqlite.count('docs', where)).toBe(await cloud.count('docs', where));
        }
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('given a random document, when a random patch is applied under a random condition, then both agree on the outcome and the document', async () => {
    const valueArb = fc.oneof(scalar, fc.array(str, { maxLength: 2 }), fc.record({ k: str }));
    const pathArb = fc.constantFrom('s', 'i', 'm', 'n', 'n.x', 'n.y.z', 'tags', 'new', 's.deep');
    const patchArb = fc
      .record(
        {
          set: fc.dictionary(pathArb, valueArb, { maxKeys: 2 }),
          inc: fc.dictionary(pathArb, fc.constantFrom(0, 1, -2, 0.5), { maxKeys: 1 }),
          unset: fc.uniqueArray(pathArb, { maxLength: 1 }),
        },
        { requiredKeys: [] },
      )
      .map((p) => p as Patch);
    await fc.assert(
      fc.asyncProperty(docArb, patchArb, whereArb, async (doc, patch, where) => {
        sqlite.close();
        sqlite = openSqliteStore({ file: ':memory:', collections: COLLS });
        await load([{ _id: 'd0', ...doc }]);
        const a = await settle(sqlite.update('docs', 'd0', patch, where));
        const b = await settle(cloud.update('docs', 'd0', patch, where));
        // both refuse or both accept; a refusal by the server (CloudBase) may surface as its own error type
        expect(a.ok).toBe(b.ok);
        if (a.ok && b.ok) expect(a.value).toBe(b.value);
        expect(await sqlite.get('docs', 'd0')).toEqual(await cloud.get('docs', 'd0'));
      }),
      { numRuns: 400 },
    );
  }, 120_000);
});
