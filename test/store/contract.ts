/**
 * The store contract: one jest suite, run against every adapter (sqlite.test.ts, cloudbase.test.ts).
 * Whatever passes here behaves the same on the local runtime and on CloudBase.
 */
import { StoreConflictError, StoreInvalidError, StoreTxConflictError, q, type Doc, type Store, type Where } from '../../cloudfunctions/core/ports/store';
import type { CollectionDecl } from '../../cloudfunctions/core/schema/collections';

export const TEST_COLLECTIONS: readonly CollectionDecl[] = [
  { name: 'people', indexes: [{ fields: ['status', 'age'] }, { fields: ['profile.city'] }, { fields: ['email'], unique: true }, { fields: ['vip', '_id'] }] },
  { name: 'seats', indexes: [] },
  { name: 'pairs', indexes: [{ fields: ['a', 'b'], unique: true }] },
];

export interface StoreUnderTest {
  store: Store;
  close(): Promise<void> | void;
}

export type StoreFactory = (collections: readonly CollectionDecl[]) => Promise<StoreUnderTest>;

/** Five people chosen to expose type confusion: '41' vs 41, 1 vs true, null vs missing. */
const PEOPLE: Doc[] = [
  { _id: 'p1', status: 'active', age: 30, name: 'Ann', tags: ['a', 'b'], profile: { city: '深圳', zip: '518000' }, vip: true, score: 1.5, email: 'ann@x' },
  { _id: 'p2', status: 'active', age: 25, name: 'Bob', tags: ['b'], profile: { city: '北京' }, vip: false, email: 'bob@x' },
  { _id: 'p3', status: 'pending', age: 41, name: 'Cai', tags: [], profile: { city: '深圳' }, nick: null, email: 'cai@x' },
  { _id: 'p4', status: 'blocked', age: '41', name: 'Dee', email: 'dee@x' },
  { _id: 'p5', status: 'active', age: 1, name: 'Eve', vip: 1, email: 'eve@x' },
];

const idsOf = (docs: Doc[]) => docs.map((d) => d._id).sort();
const asWhere = (w: unknown) => w as Where;

export function defineStoreContract(adapter: string, factory: StoreFactory): void {
  describe(`store contract: ${adapter}`, () => {
    let sut: StoreUnderTest;
    let store: Store;

    beforeEach(async () => {
      sut = await factory(TEST_COLLECTIONS);
      store = sut.store;
    });
    afterEach(async () => {
      await sut.close();
    });

    const seedPeople = async () => {
      for (const p of PEOPLE) await store.insert('people', structuredClone(p));
    };
    const matching = async (where: Where) => idsOf(await store.find('people', { where, limit: 100 }));

    describe('reading', () => {
      it('given a stored document, when it is fetched by id, then it comes back exactly as written', async () => {
        const doc = { _id: 'd1', s: '混合 text ✓', n: -12, f: 0.25, big: 2 ** 40, t: true, fa: false, z: null, arr: [1, 'x', { k: [true] }], o: { deep: { er: 'x' } }, e: {} };
        await store.insert('seats', doc);
        expect(await store.get('seats', 'd1')).toEqual(doc);
      });

      it('given no such document, when it is fetched, then the answer is null', async () => {
        expect(await store.get('seats', 'nope')).toBeNull();
      });

      it('given some ids exist, when getMany asks for them with duplicates and unknown ids, then only the existing ones come back once', async () => {
        await seedPeople();
        expect(idsOf(await store.getMany('people', ['p2', 'zz', 'p1', 'p2']))).toEqual(['p1', 'p2']);
        expect(await store.getMany('people', [])).toEqual([]);
      });

      it('when getMany is asked for more than 1000 ids, then it refuses', async () => {
        const ids = Array.from({ length: 1001 }, (_, i) => `id${i}`);
        await expect(store.getMany('people', ids)).rejects.toBeInstanceOf(StoreInvalidError);
      });

      it('when an undeclared collection is used, then the store refuses', async () => {
        await expect(store.get('nowhere', 'x')).rejects.toBeInstanceOf(StoreInvalidError);
        await expect(store.insert('nowhere', { _id: 'x' })).rejects.toBeInstanceOf(StoreInvalidError);
      });
    });

    describe('filters', () => {
      beforeEach(seedPeople);

      it('given equality on strings, numbers and booleans, then values match only within their type', async () => {
        expect(await matching({ status: 'active' })).toEqual(['p1', 'p2', 'p5']);
        expect(await matching({ age: 41 })).toEqual(['p3']);
        expect(await matching({ age: '41' })).toEqual(['p4']);
        expect(await matching({ vip: true })).toEqual(['p1']);
        expect(await matching({ vip: 1 })).toEqual(['p5']);
        expect(await matching({ vip: false })).toEqual(['p2']);
      });

      it('given null, then it matches null and missing fields, and ne(null) only present non-null ones', async () => {
        expect(await matching({ nick: null })).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
        expect(await matching({ vip: null })).toEqual(['p3', 'p4']);
        expect(await matching({ vip: q.ne(null) })).toEqual(['p1', 'p2', 'p5']);
        expect(await matching({ nick: q.ne(null) })).toEqual([]);
      });

      it('given a dotted path, then it reaches nested fields', async () => {
        expect(await matching({ 'profile.city': '深圳' })).toEqual(['p1', 'p3']);
        expect(await matching({ 'profile.zip': q.exists(true) })).toEqual(['p1']);
      });

      it('given ne, then documents without the field count as not equal', async () => {
        expect(await matching({ status: q.ne('active') })).toEqual(['p3', 'p4']);
        expect(await matching({ vip: q.ne(true) })).toEqual(['p2', 'p3', 'p4', 'p5']);
      });

      it('given range operators, then numbers compare with numbers and strings with strings', async () => {
        expect(await matching({ age: q.gt(25) })).toEqual(['p1', 'p3']);
        expect(await matching({ age: q.gte(25) })).toEqual(['p1', 'p2', 'p3']);
        expect(await matching({ age: q.lt(25) })).toEqual(['p5']);
        expect(await matching({ age: q.lte(25) })).toEqual(['p2', 'p5']);
        expect(await matching({ age: q.gt('3') })).toEqual(['p4']);
        expect(await matching({ name: q.gte('Bob') })).toEqual(['p2', 'p3', 'p4', 'p5']);
        expect(await matching({ name: q.lt('C') })).toEqual(['p1', 'p2']);
        expect(await matching({ score: q.gt(1) })).toEqual(['p1']);
      });

      it('given in and nin, then they match any / none of the listed values, type by type', async () => {
        expect(await matching({ status: q.in(['pending', 'blocked']) })).toEqual(['p3', 'p4']);
        expect(await matching({ age: q.in([41, 25]) })).toEqual(['p2', 'p3']);
        expect(await matching({ vip: q.in([true, 'x']) })).toEqual(['p1']);
        expect(await matching({ nick: q.in([null]) })).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
        expect(await matching({ status: q.nin(['active']) })).toEqual(['p3', 'p4']);
        expect(await matching({ vip: q.nin([true, false]) })).toEqual(['p3', 'p4', 'p5']);
        expect(await matching({ status: q.in([]) })).toEqual([]);
        expect(await matching({ status: q.nin([]) })).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
      });

      it('given exists, then it tells present (even null) from missing fields', async () => {
        expect(await matching({ vip: q.exists(true) })).toEqual(['p1', 'p2', 'p5']);
        expect(await matching({ vip: q.exists(false) })).toEqual(['p3', 'p4']);
        expect(await matching({ nick: q.exists(true) })).toEqual(['p3']);
      });

      it('given has, then it matches arrays containing the value', async () => {
        expect(await matching({ tags: q.has('b') })).toEqual(['p1', 'p2']);
        expect(await matching({ tags: q.has('a'), status: 'active' })).toEqual(['p1']);
        expect(await matching({ tags: q.has('zzz') })).toEqual([]);
      });

      it('given _id conditions, then they select by id', async () => {
        expect(await matching({ _id: 'p2' })).toEqual(['p2']);
        expect(await matching({ _id: q.in(['p1', 'p3', 'nope']) })).toEqual(['p1', 'p3']);
        expect(await matching({ _id: q.gt('p3') })).toEqual(['p4', 'p5']);
        expect(await matching({ _id: q.nin(['p1']), status: 'active' })).toEqual(['p2', 'p5']);
      });

      it('given several conditions, then all of them must hold, and count agrees with find', async () => {
        expect(await matching({ status: 'active', age: q.gte(25) })).toEqual(['p1', 'p2']);
        expect(await store.count('people', { status: 'active', age: q.gte(25) })).toBe(2);
        expect(await store.count('people')).toBe(5);
        expect(await store.count('people', { status: 'gone' })).toBe(0);
      });
    });

    describe('sorting and paging', () => {
      beforeEach(seedPeople);

      const order = async (orderBy: Array<[string, 'asc' | 'desc']>, where?: Where, limit = 100, skip?: number) =>
        (await store.find('people', { where, orderBy, limit, skip })).map((d) => d._id);

      it('given orderBy on a field, then results come sorted that way', async () => {
        expect(await order([['age', 'asc']], { status: 'active' })).toEqual(['p5', 'p2', 'p1']);
        expect(await order([['age', 'desc']], { status: 'active' })).toEqual(['p1', 'p2', 'p5']);
        expect(await order([['name', 'desc']], undefined, 2, 1)).toEqual(['p4', 'p3']);
        expect(await order([['_id', 'desc']], undefined, 2)).toEqual(['p5', 'p4']);
      });

      it('given ties, then _id breaks them in the direction of the last sort field', async () => {
        expect(await order([['status', 'asc']])).toEqual(['p1', 'p2', 'p5', 'p4', 'p3']);
        expect(await order([['status', 'desc']])).toEqual(['p3', 'p4', 'p5', 'p2', 'p1']);
        expect(await order([['status', 'asc'], ['age', 'desc']])).toEqual(['p1', 'p2', 'p5', 'p4', 'p3']);
      });

      // (booleans mixed with other types in one sorted field are left unspecified: SQLite sorts them as 0/1)
      it('given missing values and mixed types, then missing sorts first, then numbers, then strings', async () => {
        expect(await order([['score', 'asc']])).toEqual(['p2', 'p3', 'p4', 'p5', 'p1']);
        expect(await order([['score', 'desc']])).toEqual(['p1', 'p5', 'p4', 'p3', 'p2']);
        expect(await order([['age', 'asc']])).toEqual(['p5', 'p2', 'p1', 'p3', 'p4']);
        expect(await order([['age', 'desc']])).toEqual(['p4', 'p3', 'p1', 'p2', 'p5']);
        expect(await order([['profile.city', 'asc']], { 'profile.city': q.exists(true) })).toEqual(['p2', 'p1', 'p3']);
      });

      it('given pages of two, then paging visits every document exactly once', async () => {
        const seen: string[] = [];
        for (let skip = 0; skip < 6; skip += 2) seen.push(...(await order([['status', 'asc']], undefined, 2, skip)));
        expect(seen).toEqual(['p1', 'p2', 'p5', 'p4', 'p3']);
      });

      it('when limit is outside 1..1000 or skip negative, then the query is refused', async () => {
        for (const limit of [0, 1001, 1.5, -1]) await expect(store.find('people', { limit })).rejects.toBeInstanceOf(StoreInvalidError);
        await expect(store.find('people', { limit: 10, skip: -1 })).rejects.toBeInstanceOf(StoreInvalidError);
        await expect(store.find('people', { limit: 10, orderBy: [['age', 'up' as 'asc']] })).rejects.toBeInstanceOf(StoreInvalidError);
        expect(await store.find('people', { limit: 1000 })).toHaveLength(5);
      });
    });

    describe('untrusted values never widen a query', () => {
      beforeEach(seedPeople);

      const hostile: Array<[string, unknown]> = [
        ['{"$ne": null}', { $ne: null }],
        ['{"$gt": ""}', { $gt: '' }],
        ['an array where a string belongs', ['active']],
        ['a nested plain object', { a: 1 }],
        ['a function', () => true],
        ['a Date', new Date()],
        ['NaN', Number.NaN],
        ['undefined', undefined],
      ];

      it.each(hostile)('given %s as a filter value, then find, count, update and remove refuse it', async (_, value) => {
        const where = asWhere({ status: value });
        await expect(store.find('people', { where, limit: 10 })).rejects.toBeInstanceOf(StoreInvalidError);
        await expect(store.count('people', where)).rejects.toBeInstanceOf(StoreInvalidError);
        await expect(store.update('people', 'p1', { set: { name: 'X' } }, where)).rejects.toBeInstanceOf(StoreInvalidError);
        await expect(store.updateMany('people', where, { set: { name: 'X' } })).rejects.toBeInstanceOf(StoreInvalidError);
        await expect(store.remove('people', 'p1', where)).rejects.toBeInstanceOf(StoreInvalidError);
        expect(await store.count('people', { name: 'X' })).toBe(0);
        expect(await store.count('people')).toBe(5);
      });

      it('given operators fed non-scalar values, then they are refused too', async () => {
        const bad: unknown[] = [q.in([{ $ne: null }] as never), q.in('active' as never), q.ne({ $gt: '' } as never), q.gt(null as never), q.gt(true as never), q.exists('yes' as never), q.has(['b'] as never)];
        for (const op of bad) await expect(store.count('people', asWhere({ status: op }))).rejects.toBeInstanceOf(StoreInvalidError);
      });

      it('given a field path that is not a plain path, then it is refused', async () => {
        for (const path of ['$where', '$or', 'a..b', 'a.$x', '', 'a b', '__proto__.x', 'profile.constructor', '_id.x', '1a']) {
          await expect(store.count('people', asWhere({ [path]: 'x' }))).rejects.toBeInstanceOf(StoreInvalidError);
        }
      });

      it('given a non-string _id condition, then it is refused', async () => {
        await expect(store.count('people', asWhere({ _id: 5 }))).rejects.toBeInstanceOf(StoreInvalidError);
        await expect(store.count('people', { _id: q.in(['p1', 2 as never]) })).rejects.toBeInstanceOf(StoreInvalidError);
        await expect(store.count('people', { _id: q.exists(true) })).rejects.toBeInstanceOf(StoreInvalidError);
      });
    });

    describe('documents the store refuses', () => {
      const refused: Array<[string, Record<string, unknown>]> = [
        ['a $-key', { $set: { a: 1 } }],
        ['a nested $-key', { a: { $gt: 1 } }],
        ['a dotted key', { 'a.b': 1 }],
        ['a __proto__ key', JSON.parse('{"a": {"__proto__": {"polluted": true}}}') as Record<string, unknown>],
        ['a constructor key', { a: [{ constructor: 1 }] }],
        ['a Date', { at: new Date() }],
        ['NaN', { n: Number.NaN }],
        ['Infinity', { n: Number.POSITIVE_INFINITY }],
        ['a class instance', { m: new Map() }],
        ['undefined in an array', { a: [1, undefined] }],
      ];

      it.each(refused)('given a document with %s, when inserted or set, then it is refused and nothing is written', async (_, body) => {
        await expect(store.insert('seats', { _id: 's1', ...body })).rejects.toBeInstanceOf(StoreInvalidError);
        await expect(store.set('seats', { _id: 's1', ...body })).rejects.toBeInstanceOf(StoreInvalidError);
        await expect(store.transaction((tx) => tx.insert('seats', { _id: 's1', ...body }))).rejects.toBeInstanceOf(StoreInvalidError);
        expect(await store.get('seats', 's1')).toBeNull();
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      });

      it.each(refused)('given %s in a patch value, when updating, then it is refused and the document is unchanged', async (_, body) => {
        await store.insert('seats', { _id: 's1', keep: 1 });
        await expect(store.update('seats', 's1', { set: { v: body } })).rejects.toBeInstanceOf(StoreInvalidError);
        expect(await store.get('seats', 's1')).toEqual({ _id: 's1', keep: 1 });
      });

      it('given a bad id, then it is refused', async () => {
        for (const id of ['', 5, null, 'x'.repeat(257)]) await expect(store.insert('seats', { _id: id as string })).rejects.toBeInstanceOf(StoreInvalidError);
      });

      it('given a malformed patch, then it is refused', async () => {
        await store.insert('seats', { _id: 's1', a: { b: 1 }, n: 1 });
        const patches: unknown[] = [{}, { set: {} }, { set: { _id: 'x' } }, { set: { a: 1, 'a.b': 2 } }, { set: { n: 1 }, inc: { n: 1 } }, { inc: { n: '1' } }, { inc: { n: Number.NaN } }, { unset: 'n' }, { set: { '__proto__.x': 1 } }, { set: { $x: 1 } }, { push: { a: 1 } }];
        for (const patch of patches) await expect(store.update('seats', 's1', patch as never)).rejects.toBeInstanceOf(StoreInvalidError);
        expect(await store.get('seats', 's1')).toEqual({ _id: 's1', a: { b: 1 }, n: 1 });
      });
    });

    describe('insert, set and unique keys', () => {
      it('given an existing id, when inserting it again, then StoreConflictError on _id and the original stays', async () => {
        await store.insert('seats', { _id: 's1', v: 1 });
        const err = await store.insert('seats', { _id: 's1', v: 2 }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(StoreConflictError);
        expect(err).toMatchObject({ coll: 'seats', id: 's1', key: undefined });
        expect(await store.get('seats', 's1')).toEqual({ _id: 's1', v: 1 });
      });

      it('given a unique key in use, when another document takes it, then StoreConflictError names the key', async () => {
        await seedPeople();
        const err = await store.insert('people', { _id: 'p9', email: 'ann@x', status: 'active' }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(StoreConflictError);
        expect(err).toMatchObject({ coll: 'people', key: 'email' });
        expect(await store.get('people', 'p9')).toBeNull();
      });

      it('given a compound unique key, then only the same combination conflicts', async () => {
        await store.insert('pairs', { _id: 'x1', a: 1, b: 'x' });
        await store.insert('pairs', { _id: 'x2', a: 1, b: 'y' });
        await store.insert('pairs', { _id: 'x3', a: '1', b: 'x' });
        await expect(store.insert('pairs', { _id: 'x4', a: 1, b: 'x' })).rejects.toMatchObject({ name: 'StoreConflictError', key: 'a,b' });
        expect(await store.count('pairs')).toBe(3);
      });

      it('given a unique field missing, null or not a string/number, then the document is refused', async () => {
        for (const email of [undefined, null, true, ['a'], { a: 1 }]) {
          await expect(store.insert('people', { _id: 'u1', email })).rejects.toBeInstanceOf(StoreInvalidError);
        }
        await store.insert('people', { _id: 'u1', email: 'u@x' });
        await expect(store.update('people', 'u1', { unset: ['email'] })).rejects.toBeInstanceOf(StoreInvalidError);
        await expect(store.update('people', 'u1', { set: { email: null } })).rejects.toBeInstanceOf(StoreInvalidError);
      });

      it('given set, then it creates a missing document and replaces an existing one whole', async () => {
        await store.set('seats', { _id: 's1', a: 1, b: { c: 2 } });
        expect(await store.get('seats', 's1')).toEqual({ _id: 's1', a: 1, b: { c: 2 } });
        await store.set('seats', { _id: 's1', z: 'only' });
        expect(await store.get('seats', 's1')).toEqual({ _id: 's1', z: 'only' });
      });

      it('given set or update taking a unique key in use, then StoreConflictError and nothing changes', async () => {
        await seedPeople();
        await expect(store.set('people', { _id: 'p2', email: 'ann@x' })).rejects.toMatchObject({ name: 'StoreConflictError', key: 'email' });
        await expect(store.update('people', 'p2', { set: { email: 'ann@x' } })).rejects.toMatchObject({ name: 'StoreConflictError', key: 'email' });
        expect((await store.get('people', 'p2'))?.email).toBe('bob@x');
      });
    });

    describe('update', () => {
      beforeEach(async () => {
        await store.insert('seats', { _id: 'lic', used: 0, total: 10, meta: { owner: 'x', tags: ['a'] } });
      });

      it('given a condition that holds, then update changes the document and returns 1', async () => {
        expect(await store.update('seats', 'lic', { inc: { used: 1 } }, { used: q.lt(10) })).toBe(1);
        expect((await store.get('seats', 'lic'))?.used).toBe(1);
      });

      it('given a condition that fails or a missing document, then update returns 0 and changes nothing', async () => {
        expect(await store.update('seats', 'lic', { inc: { used: 1 } }, { used: q.gte(10) })).toBe(0);
        expect(await store.update('seats', 'nope', { set: { used: 1 } })).toBe(0);
        expect(await store.get('seats', 'lic')).toEqual({ _id: 'lic', used: 0, total: 10, meta: { owner: 'x', tags: ['a'] } });
        expect(await store.get('seats', 'nope')).toBeNull();
      });

      it('given a patch that leaves the document as it was, then update still reports the match as 1', async () => {
        expect(await store.update('seats', 'lic', { set: { total: 10 } })).toBe(1);
        expect(await store.update('seats', 'lic', { set: { total: 10 }, unset: ['gone'] }, { used: 0 })).toBe(1);
        expect(await store.update('seats', 'lic', { inc: { used: 0 } })).toBe(1);
        expect(await store.update('seats', 'lic', { set: { total: 10 } }, { used: 5 })).toBe(0);
      });

      it('given set, inc and unset, then they apply together: dotted paths create parents, objects replace whole', async () => {
        await store.update('seats', 'lic', { set: { 'meta.owner': 'y', 'extra.deep.flag': true, meta2: { k: [] } }, inc: { 'counters.hits': 2 }, unset: ['total'] });
        expect(await store.get('seats', 'lic')).toEqual({ _id: 'lic', used: 0, meta: { owner: 'y', tags: ['a'] }, extra: { deep: { flag: true } }, meta2: { k: [] }, counters: { hits: 2 } });
        await store.update('seats', 'lic', { set: { meta: { only: 1 } } });
        expect((await store.get('seats', 'lic'))?.meta).toEqual({ only: 1 });
      });

      it('given inc on a non-number or a write below a non-object, then the update fails and nothing changes', async () => {
        const before = await store.get('seats', 'lic');
        await expect(store.update('seats', 'lic', { inc: { 'meta.owner': 1 } })).rejects.toThrow();
        await expect(store.update('seats', 'lic', { set: { 'used.x': 1 } })).rejects.toThrow();
        await expect(store.update('seats', 'lic', { set: { 'meta.tags.x': 1, total: 99 } })).rejects.toThrow();
        expect(await store.get('seats', 'lic')).toEqual(before);
      });

      it('given 50 concurrent conditional increments on 10 free seats, then exactly 10 succeed', async () => {
        const results = await Promise.all(Array.from({ length: 50 }, () => store.update('seats', 'lic', { inc: { used: 1 } }, { used: q.lt(10) })));
        expect(results.filter((r) => r === 1)).toHaveLength(10);
        expect(results.filter((r) => r === 0)).toHaveLength(40);
        expect((await store.get('seats', 'lic'))?.used).toBe(10);
      });

      it('given 50 concurrent unconditional increments, then none is lost', async () => {
        await Promise.all(Array.from({ length: 50 }, () => store.update('seats', 'lic', { inc: { used: 2, 'stats.n': 1 } })));
        expect(await store.get('seats', 'lic')).toMatchObject({ used: 100, stats: { n: 50 } });
      });
    });

    describe('updateMany and remove', () => {
      beforeEach(seedPeople);

      it('given matching documents, then updateMany changes them all and counts those it changed', async () => {
        expect(await store.updateMany('people', { status: 'active' }, { set: { flagged: true } })).toBe(3);
        expect(await matching({ flagged: true })).toEqual(['p1', 'p2', 'p5']);
        expect(await store.updateMany('people', { status: q.in(['active', 'pending']) }, { set: { flagged: true } })).toBe(1);
        expect(await store.updateMany('people', { status: 'gone' }, { inc: { n: 1 } })).toBe(0);
        expect(await matching({ flagged: q.exists(false) })).toEqual(['p4']);
      });

      // (what is left after such a failure is unspecified: CloudBase applies a multi-update document by document)
      it('given updateMany would give two documents one unique key, then it fails with StoreConflictError', async () => {
        await expect(store.updateMany('people', { status: 'active' }, { set: { email: 'same@x' } })).rejects.toMatchObject({ name: 'StoreConflictError', key: 'email' });
      });

      it('given remove, then it deletes once, and a failing condition keeps the document', async () => {
        expect(await store.remove('people', 'p1', { status: 'pending' })).toBe(0);
        expect(await store.get('people', 'p1')).not.toBeNull();
        expect(await store.remove('people', 'p1', { status: 'active' })).toBe(1);
        expect(await store.remove('people', 'p1')).toBe(0);
        expect(await store.get('people', 'p1')).toBeNull();
        expect(await store.count('people')).toBe(4);
      });
    });

    describe('transactions', () => {
      it('given several writes, when the callback returns, then all of them are committed and its value returned', async () => {
        await store.insert('seats', { _id: 'lic', used: 1 });
        const value = await store.transaction(async (tx) => {
          const lic = await tx.get<{ _id: string; used: number }>('seats', 'lic');
          await tx.insert('seats', { _id: 'a', v: 1 });
          await tx.set('seats', { _id: 'b', v: 2 });
          expect(await tx.update('seats', 'lic', { set: { used: lic!.used + 1 } })).toBe(1);
          expect(await tx.get('seats', 'a')).toEqual({ _id: 'a', v: 1 });
          expect(await tx.update('seats', 'missing', { set: { v: 1 } })).toBe(0);
          return 'done';
        });
        expect(value).toBe('done');
        expect(idsOf(await store.getMany('seats', ['a', 'b', 'lic']))).toEqual(['a', 'b', 'lic']);
        expect((await store.get('seats', 'lic'))?.used).toBe(2);
      });

      it('given the callback throws, then nothing it wrote remains and the error comes through', async () => {
        await store.insert('seats', { _id: 'lic', used: 1 });
        const boom = new Error('boom');
        await expect(
          store.transaction(async (tx) => {
            await tx.insert('seats', { _id: 'a', v: 1 });
            await tx.update('seats', 'lic', { set: { used: 5 } });
            await tx.remove('seats', 'lic');
            throw boom;
          }),
        ).rejects.toBe(boom);
        expect(await store.get('seats', 'a')).toBeNull();
        expect(await store.get('seats', 'lic')).toEqual({ _id: 'lic', used: 1 });
      });

      it('given an insert conflict inside, then the transaction fails whole, even if the callback swallows the error', async () => {
        await store.insert('seats', { _id: 'taken', v: 0 });
        await expect(
          store.transaction(async (tx) => {
            await tx.insert('seats', { _id: 'fresh', v: 1 });
            await tx.insert('seats', { _id: 'taken', v: 1 });
          }),
        ).rejects.toBeInstanceOf(StoreConflictError);
        await expect(
          store.transaction(async (tx) => {
            await tx.insert('seats', { _id: 'fresh', v: 1 });
            await tx.insert('seats', { _id: 'taken', v: 1 }).catch(() => undefined);
            return 'swallowed';
          }),
        ).rejects.toBeInstanceOf(StoreConflictError);
        expect(await store.get('seats', 'fresh')).toBeNull();
        expect(await store.get('seats', 'taken')).toEqual({ _id: 'taken', v: 0 });
      });

      it('given a unique key conflict inside, then the transaction fails whole', async () => {
        await seedPeople();
        await expect(
          store.transaction(async (tx) => {
            await tx.update('people', 'p2', { set: { status: 'moved' } });
            await tx.insert('people', { _id: 'p9', email: 'ann@x' });
          }),
        ).rejects.toMatchObject({ name: 'StoreConflictError', key: 'email' });
        expect((await store.get('people', 'p2'))?.status).toBe('active');
        expect(await store.get('people', 'p9')).toBeNull();
      });

      it('given a nested transaction or a plain store call inside the callback, then it is refused instead of hanging', async () => {
        await expect(store.transaction(() => store.transaction(async () => 1))).rejects.toThrow(/nested/);
        await expect(store.transaction(() => store.get('seats', 'x'))).rejects.toThrow(/transaction/);
      });

      it('given a transaction has finished, then its handle no longer works', async () => {
        let leaked: Parameters<Parameters<Store['transaction']>[0]>[0] | undefined;
        await store.transaction(async (tx) => {
          leaked = tx;
        });
        await expect(leaked!.insert('seats', { _id: 'late' })).rejects.toThrow();
        expect(await store.get('seats', 'late')).toBeNull();
      });

      it('given concurrent read-modify-write transactions on one counter, then no update is lost', async () => {
        await store.insert('seats', { _id: 'ctr', n: 0 });
        const outcomes = await Promise.allSettled(
          Array.from({ length: 8 }, () =>
            store.transaction(async (tx) => {
              const ctr = await tx.get<{ _id: string; n: number }>('seats', 'ctr');
              await tx.update('seats', 'ctr', { set: { n: ctr!.n + 1 } });
            }),
          ),
        );
        const ok = outcomes.filter((o) => o.status === 'fulfilled').length;
        for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(StoreTxConflictError);
        expect(ok).toBeGreaterThan(0);
        expect((await store.get('seats', 'ctr'))?.n).toBe(ok);
      });

      it('given plain writes racing a transaction, then both land and the transaction stays atomic', async () => {
        await store.insert('seats', { _id: 'lic', used: 0 });
        await Promise.all([
          store.transaction(async (tx) => {
            await tx.insert('seats', { _id: 'ta', v: 1 });
            await new Promise((r) => setTimeout(r, 20));
            await tx.insert('seats', { _id: 'tb', v: 1 });
          }),
          ...Array.from({ length: 5 }, () => store.update('seats', 'lic', { inc: { used: 1 } })),
        ]);
        expect((await store.get('seats', 'lic'))?.used).toBe(5);
        expect(idsOf(await store.getMany('seats', ['ta', 'tb']))).toEqual(['ta', 'tb']);
      });
    });
  });
}
