/**
 * The store contract on the CloudBase adapter: the real @cloudbase/node-sdk, pointed by `serviceUrl` at
 * the wire stand-in (test/support/tcb-standin). Plus what only CloudBase has: signatures, transaction
 * wire traffic, write conflicts between transactions, "modified" counts.
 */
import tcb from '@cloudbase/node-sdk';
import { createCloudbaseStore, type CloudbaseStore } from '../../cloudfunctions/adapters/cloudbase/store';
import type { TcbDb } from '../../cloudfunctions/adapters/cloudbase/sdk-types';
import { StoreTxConflictError } from '../../cloudfunctions/core/ports/store';
import { startTcbStandin, type TcbStandin } from '../support/tcb-standin';
import { TEST_COLLECTIONS, defineStoreContract } from './contract';

let standin: TcbStandin;

const database = (secretKey = 'test'): TcbDb => {
  const app = tcb.init({ env: 'test-env', secretId: 'AKIDtest', secretKey, serviceUrl: `${standin.url}/admin`, timeout: 10_000 });
  return app.database() as unknown as TcbDb;
};

beforeAll(async () => {
  // off CloudBase the SDK would otherwise probe a metadata host on init and on every request
  process.env.TENCENTCLOUD = 'true';
  standin = await startTcbStandin({ collections: TEST_COLLECTIONS });
});
afterAll(async () => {
  await standin.close();
});

defineStoreContract('cloudbase (real SDK → wire stand-in)', async (collections) => {
  standin.reset();
  return { store: createCloudbaseStore(database(), { collections }), close: () => undefined };
});

describe('cloudbase adapter specifics', () => {
  let store: CloudbaseStore;
  beforeEach(() => {
    standin.reset();
    store = createCloudbaseStore(database(), { collections: TEST_COLLECTIONS });
  });

  it('given a wrong secret key, then the stand-in refuses the signature and the store surfaces the CloudBase code', async () => {
    const bad = createCloudbaseStore(database('not-the-key'), { collections: TEST_COLLECTIONS });
    await expect(bad.get('seats', 'a')).rejects.toMatchObject({ code: 'SIGN_PARAM_INVALID' });
    expect(standin.requests).toHaveLength(0);
  });

  it('given a transaction, then its operations go over the wire as single-document operations carrying its id', async () => {
    await store.insert('seats', { _id: 'a', v: 1 });
    standin.reset();
    await store.insert('seats', { _id: 'a', v: 1 });
    standin.reset();
    await store.transaction(async (tx) => {
      await tx.get('seats', 'a');
      await tx.update('seats', 'a', { inc: { v: 1 } });
      await tx.insert('seats', { _id: 'b', v: 1 });
    });
    const [start, ...rest] = standin.requests;
    expect(start.action).toBe('database.startTransaction');
    const id = rest[0].transactionId;
    expect(id).toEqual(expect.any(String));
    expect(rest.map((r) => [r.action, r.transactionId])).toEqual([
      ['database.getDocument', id],
      ['database.modifyDocument', id],
      ['database.insertDocument', id],
      ['database.commitTransaction', id],
    ]);
    expect(rest.filter((r) => r.queryType !== undefined).every((r) => r.queryType === 'DOC')).toBe(true);
  });

  it('given two transactions writing one document, when retries are off, then the later writer loses with StoreTxConflictError', async () => {
    const once = createCloudbaseStore(database(), { collections: TEST_COLLECTIONS, txAttempts: 1 });
    await once.insert('seats', { _id: 'ctr', n: 0 });
    let release!: () => void;
    const firstHasWritten = new Promise<void>((r) => (release = r));
    let finish!: () => void;
    const firstMayCommit = new Promise<void>((r) => (finish = r));
    const first = once.transaction(async (tx) => {
      await tx.update('seats', 'ctr', { inc: { n: 1 } });
      release();
      await firstMayCommit;
    });
    await firstHasWritten;
    const second = once.transaction(async (tx) => {
      await tx.update('seats', 'ctr', { inc: { n: 10 } });
    });
    await expect(second).rejects.toBeInstanceOf(StoreTxConflictError);
    finish();
    await first;
    expect((await once.get('seats', 'ctr'))?.n).toBe(1);
  });

  it('given a transaction that read before another write committed, then its write conflicts and the retry sees the new value', async () => {
    await store.insert('seats', { _id: 'ctr', n: 0 });
    // a second store: the plain store itself refuses calls from inside its own transaction callback
    const other = createCloudbaseStore(database(), { collections: TEST_COLLECTIONS });
    let attempts = 0;
    await store.transaction(async (tx) => {
      attempts++;
      const ctr = await tx.get<{ _id: string; n: number }>('seats', 'ctr');
      if (attempts === 1) await other.update('seats', 'ctr', { inc: { n: 5 } });
      await tx.update('seats', 'ctr', { set: { n: ctr!.n + 1 } });
    });
    expect(attempts).toBe(2);
    expect((await store.get('seats', 'ctr'))?.n).toBe(6);
  });

  it('given a no-op patch, then the server reports 0 modified and the store still reports the match, at one extra round trip', async () => {
    await store.insert('seats', { _id: 'a', v: 1 });
    const raw = database().collection('seats');
    await expect(raw.doc('a').update({ v: 1 })).resolves.toMatchObject({ updated: 0 });
    store.resetRoundTrips();
    expect(await store.update('seats', 'a', { set: { v: 1 } })).toBe(1);
    expect(store.roundTrips).toBe(2);
    store.resetRoundTrips();
    expect(await store.update('seats', 'a', { set: { v: 2 } })).toBe(1);
    expect(store.roundTrips).toBe(1);
  });

  it('given calls, then roundTrips counts one per SDK request', async () => {
    store.resetRoundTrips();
    await store.insert('seats', { _id: 'a', v: 1 });
    await store.get('seats', 'a');
    await store.transaction(async (tx) => {
      await tx.get('seats', 'a');
      await tx.update('seats', 'a', { inc: { v: 1 } });
    });
    expect(store.roundTrips).toBe(6);
  });
});
