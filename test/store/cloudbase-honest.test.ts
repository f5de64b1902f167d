/**
 * The CloudBase stand-in refuses what the cloud refuses, and the store adapter understands every shape
 * in which the cloud reports a duplicate key or a write conflict (DESIGN §7). The real
 * @cloudbase/node-sdk against the wire stand-in throughout.
 */
import tcb from '@cloudbase/node-sdk';
import { createCloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/store';
import type { TcbDb } from '../../cloudfunctions/adapters/cloudbase/sdk-types';
import { isDuplicate, isTxConflict } from '../../cloudfunctions/adapters/cloudbase/store-errors';
import { StoreConflictError, StoreTxConflictError, TX_LIMITS } from '../../cloudfunctions/core/ports/store';
import { startTcbStandin, type TcbStandin, type TcbStandinOptions } from '../support/tcb-standin';
import { TEST_COLLECTIONS } from './contract';

jest.setTimeout(30_000);

const standins: TcbStandin[] = [];
async function storeOn(opts: TcbStandinOptions = {}) {
  const standin = await startTcbStandin({ collections: TEST_COLLECTIONS, ...opts });
  standins.push(standin);
  const app = tcb.init({ env: 'test-env', secretId: 'AKIDtest', secretKey: 'test', serviceUrl: `${standin.url}/admin`, timeout: 10_000 });
  const db = app.database() as unknown as TcbDb;
  return { standin, db, store: createCloudbaseStore(db, { collections: TEST_COLLECTIONS, txAttempts: 1 }) };
}

beforeAll(() => {
  process.env.TENCENTCLOUD = 'true';
});
afterAll(async () => {
  await Promise.all(standins.map((s) => s.close()));
});

describe.each(['dedicated', 'request-failed'] as const)('given the cloud answers failures in the %s shape', (failureShape) => {
  it('when a second document takes a unique key, then the store reports a conflict naming the key and writes nothing', async () => {
    const { store, db } = await storeOn({ failureShape });
    await store.insert('people', { _id: 'p1', email: 'a@example.com' });
    const raw = await db.collection('people').add({ _id: 'p2', email: 'a@example.com' }).catch((e: unknown) => e);
    expect(raw).toMatchObject({ code: failureShape === 'dedicated' ? 'DATABASE_DUPLICATE_WRITE' : 'DATABASE_REQUEST_FAILED', message: expect.stringContaining('E11000 duplicate key error') });
    expect(isDuplicate(raw)).toBe(true);
    await expect(store.insert('people', { _id: 'p3', email: 'a@example.com' })).rejects.toMatchObject({ name: StoreConflictError.name, key: 'email' });
    await expect(store.insert('people', { _id: 'p1', email: 'b@example.com' })).rejects.toBeInstanceOf(StoreConflictError);
    expect(await store.count('people')).toBe(1);
  });

  it('when two transactions write the same document, then the loser sees a write conflict and its writes are gone', async () => {
    const { store, db } = await storeOn({ failureShape });
    await store.insert('seats', { _id: 's', used: 0 });
    const t1 = await db.startTransaction();
    const t2 = await db.startTransaction();
    await t1.collection('seats').doc('s').update({ used: 1 });
    const raw = await t2.collection('seats').doc('s').update({ used: 2 }).catch((e: unknown) => e);
    expect(raw).toMatchObject({ code: failureShape === 'dedicated' ? 'DATABASE_TRANSACTION_CONFLICT' : 'DATABASE_REQUEST_FAILED' });
    if (failureShape === 'request-failed') expect(raw).toMatchObject({ message: expect.stringContaining('WriteConflict') });
    expect(isTxConflict(raw)).toBe(true);
    await t1.commit();
    // through the store: the conflict is recognised (one attempt allowed here, so it surfaces)
    const holder = await db.startTransaction();
    await holder.collection('seats').doc('s').update({ used: 5 });
    await expect(store.transaction((tx) => tx.update('seats', 's', { set: { used: 9 } }))).rejects.toBeInstanceOf(StoreTxConflictError);
    await holder.rollback();
    expect((await store.get<{ _id: string; used: number }>('seats', 's'))!.used).toBe(1);
  });
});

describe('the stand-in refuses what the cloud refuses', () => {
  it(`given a transaction of more than ${TX_LIMITS.operations} operations, then the cloud aborts it and nothing of it is written`, async () => {
    const { store } = await storeOn();
    const attempt = store.transaction(async (tx) => {
      for (let i = 0; i <= TX_LIMITS.operations; i++) await tx.insert('seats', { _id: `s${i}`, used: 0 });
    });
    await expect(attempt).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL', message: expect.stringContaining(`at most ${TX_LIMITS.operations} operations`) });
    expect(await store.count('seats')).toBe(0);
    // exactly the limit is fine
    await store.transaction(async (tx) => {
      for (let i = 0; i < TX_LIMITS.operations; i++) await tx.insert('seats', { _id: `s${i}`, used: 0 });
    });
    expect(await store.count('seats')).toBe(TX_LIMITS.operations);
  });

  it('given a transaction used after its lifetime, then the cloud refuses it and nothing of it is written', async () => {
    const { store } = await storeOn({ limits: { txOperations: TX_LIMITS.operations, txLifetimeMs: 150 } });
    const attempt = store.transaction(async (tx) => {
      await tx.insert('seats', { _id: 'early', used: 0 });
      await new Promise((r) => setTimeout(r, 250));
      await tx.insert('seats', { _id: 'late', used: 0 });
    });
    await expect(attempt).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
    expect(await store.count('seats')).toBe(0);
  });

  it('given more than 1000 matching documents, then one query answers at most 1000, and the store refuses to ask for more rather than miss some', async () => {
    const { store, db, standin } = await storeOn();
    for (let i = 0; i < 1005; i += 67) await Promise.all(Array.from({ length: Math.min(67, 1005 - i) }, (_, k) => store.insert('seats', { _id: `s${String(i + k).padStart(4, '0')}`, used: 0 })));
    // the SDK itself clamps a larger limit to the cloud's cap: a caller asking for 5000 silently gets 1000
    const res = (await db.collection('seats').where({}).limit(5000).get()) as { data: unknown[] };
    expect(res.data).toHaveLength(1000);
    // so the store refuses such a query before anything is sent
    standin.reset();
    await expect(store.find('seats', { where: {}, limit: 1001 })).rejects.toThrow(/limit must be an integer in 1\.\.1000/);
    expect(standin.requests).toHaveLength(0);
  });
});
