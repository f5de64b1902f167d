/**
 * The store contract on the SQLite adapter, plus what only SQLite has: query plans, schema application on
 * restart, the transaction gate, durability across SIGKILL.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openSqliteStore, type SqliteStore } from '../../cloudfunctions/adapters/sqlite';
import { q } from '../../cloudfunctions/core/ports/store';
import type { CollectionDecl } from '../../cloudfunctions/core/schema/collections';
import { TEST_COLLECTIONS, defineStoreContract } from './contract';

defineStoreContract('sqlite', async (collections) => {
  const store = openSqliteStore({ file: ':memory:', collections });
  return { store, close: () => store.close() };
});

describe('sqlite adapter specifics', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hulian-store-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const open = (collections: readonly CollectionDecl[] = TEST_COLLECTIONS, file = join(dir, 'db.sqlite')) => openSqliteStore({ file, collections });
  const indexNames = (s: SqliteStore) => (s.db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[]);

  it('given an indexed equality with an order on the next index field, then the plan searches the index and needs no sort', () => {
    const s = open();
    try {
      const plan = s.explainFind('people', { where: { status: 'active' }, orderBy: [['age', 'desc']], limit: 20 }).join(' | ');
      expect(plan).toMatch(/SEARCH people USING INDEX ix_people__status__age \(<expr>=\?\)/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
      expect(s.explainFind('people', { where: { 'profile.city': '深圳' }, limit: 5 }).join()).toMatch(/USING INDEX ix_people__profile_city/);
      expect(s.explainFind('people', { where: { email: 'a@x' }, limit: 1 }).join()).toMatch(/USING INDEX ux_people__email/);
      expect(s.explainFind('people', { where: { status: q.in(['a', 'b']) }, limit: 5 }).join()).toMatch(/USING INDEX ix_people__status__age/);
      // an index closed by _id serves cursor paging: equality, then a range and an order on _id
      const paging = s.explainFind('people', { where: { vip: true, _id: q.lt('p9') }, orderBy: [['_id', 'desc']], limit: 20 }).join(' | ');
      expect(paging).toMatch(/SEARCH people USING INDEX ix_people__vip___id \(<expr>=\? AND id<\?\)/);
      expect(paging).not.toMatch(/TEMP B-TREE/);
    } finally {
      s.close();
    }
  });

  it('given a file database, then it runs in WAL mode with synchronous=NORMAL and a busy timeout', () => {
    const s = open();
    try {
      expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(s.db.pragma('synchronous', { simple: true })).toBe(1);
      expect(s.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      s.close();
    }
  });

  it('given a restart, then collections are applied again without failing, duplicating or losing data', async () => {
    const first = open();
    await first.insert('people', { _id: 'p1', email: 'a@x', status: 'active', age: 3 });
    const before = indexNames(first);
    first.close();
    const second = open();
    try {
      expect(indexNames(second)).toEqual(before);
      expect(await second.get('people', 'p1')).toEqual({ _id: 'p1', email: 'a@x', status: 'active', age: 3 });
      await expect(second.insert('people', { _id: 'p2', email: 'a@x' })).rejects.toMatchObject({ name: 'StoreConflictError', key: 'email' });
    } finally {
      second.close();
    }
  });

  it('given a changed declaration, then a restart drops indexes no longer declared and creates new ones', () => {
    open().close();
    const changed = TEST_COLLECTIONS.map((c) => (c.name === 'people' ? { name: 'people', indexes: [{ fields: ['name'] }] } : c));
    const s = open(changed);
    try {
      const names = indexNames(s);
      expect(names).toContain('ix_people__name');
      expect(names).not.toContain('ix_people__status__age');
      expect(names).not.toContain('ux_people__email');
    } finally {
      s.close();
    }
  });

  it('given a transaction awaiting, then other store calls wait for its commit instead of landing inside it', async () => {
    const s = open();
    try {
      const events: string[] = [];
      let release!: () => void;
      const paused = new Promise<void>((r) => (release = r));
      const tx = s.transaction(async (t) => {
        await t.insert('seats', { _id: 'a', v: 1 });
        events.push('tx wrote');
        await paused;
        events.push('tx resumes');
      });
      await new Promise((r) => setImmediate(r));
      const plain = s.insert('seats', { _id: 'b', v: 1 }).then(() => events.push('plain insert done'));
      const read = s.get('seats', 'a').then((d) => events.push(`read saw ${d ? 'a' : 'nothing'}`));
      await new Promise((r) => setTimeout(r, 20));
      expect(events).toEqual(['tx wrote']);
      release();
      await Promise.all([tx, plain, read]);
      expect(events).toEqual(['tx wrote', 'tx resumes', 'plain insert done', 'read saw a']);
    } finally {
      s.close();
    }
  });

  it('given a rolled-back transaction with a plain write waiting, then the plain write is not rolled back with it', async () => {
    const s = open();
    try {
      let release!: () => void;
      const paused = new Promise<void>((r) => (release = r));
      const tx = s.transaction(async (t) => {
        await t.insert('seats', { _id: 'a', v: 1 });
        await paused;
        throw new Error('abort');
      });
      await new Promise((r) => setImmediate(r));
      const plain = s.insert('seats', { _id: 'b', v: 1 });
      release();
      await expect(tx).rejects.toThrow('abort');
      await plain;
      expect(await s.get('seats', 'a')).toBeNull();
      expect(await s.get('seats', 'b')).toEqual({ _id: 'b', v: 1 });
    } finally {
      s.close();
    }
  });

  it('given calls, then roundTrips counts one per store call and one per transaction operation', async () => {
    const s = open();
    try {
      s.resetRoundTrips();
      await s.insert('seats', { _id: 'a', v: 1 });
      await s.get('seats', 'a');
      await s.transaction(async (t) => {
        await t.get('seats', 'a');
        await t.update('seats', 'a', { inc: { v: 1 } });
      });
      expect(s.roundTrips).toBe(5);
    } finally {
      s.close();
    }
  });

  describe('durability across SIGKILL', () => {
    const storeModule = resolve(__dirname, '../../cloudfunctions/adapters/sqlite/index.ts');
    const runChild = (body: string) => {
      const script = join(dir, 'child.ts');
      writeFileSync(
        script,
        `import { openSqliteStore } from ${JSON.stringify(storeModule)};
const s = openSqliteStore({ file: ${JSON.stringify(join(dir, 'db.sqlite'))}, collections: ${JSON.stringify(TEST_COLLECTIONS)} });
(async () => { ${body} })();`,
      );
      return spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: resolve(__dirname, '../..'), encoding: 'utf8', timeout: 30_000 });
    };

    it('given a committed transaction, when the process is SIGKILLed right after, then the data is there on reopen', async () => {
      const child = runChild(`
        await s.transaction(async (tx) => { await tx.insert('seats', { _id: 'a', v: 1 }); await tx.insert('seats', { _id: 'b', v: 2 }); });
        await s.insert('seats', { _id: 'c', v: 3 });
        process.kill(process.pid, 'SIGKILL');`);
      expect(child.signal).toBe('SIGKILL');
      const s = open();
      try {
        expect(await s.count('seats')).toBe(3);
      } finally {
        s.close();
      }
    });

    it('given a transaction killed half way, then none of it is there on reopen', async () => {
      const child = runChild(`
        await s.insert('seats', { _id: 'before', v: 0 });
        await s.transaction(async (tx) => {
          await tx.insert('seats', { _id: 'a', v: 1 });
          await tx.update('seats', 'before', { set: { v: 99 } });
          process.kill(process.pid, 'SIGKILL');
          await new Promise((r) => setTimeout(r, 10_000));
        });`);
      expect(child.signal).toBe('SIGKILL');
      const s = open();
      try {
        expect(await s.get('seats', 'a')).toBeNull();
        expect(await s.get('seats', 'before')).toEqual({ _id: 'before', v: 0 });
      } finally {
        s.close();
      }
    });
  });
});
