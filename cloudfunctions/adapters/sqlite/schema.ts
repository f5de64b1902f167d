/**
 * Creates the tables and indexes declared in core/schema/collections.ts (index names: guard.ts `indexName`).
 * Idempotent: safe on every start, and it drops indexes of ours that are no longer declared, so a changed
 * declaration takes effect.
 */
import type Database from 'better-sqlite3';
import type { CollectionDecl } from '../../core/schema/collections';
import { assertCollectionName, assertPath, indexName, uniqueKeyName } from '../shared/store-guard';
import { fieldExpr, quoteIdent } from './sql';

function validate(decl: CollectionDecl): void {
  assertCollectionName(decl.name);
  if (decl.name.startsWith('sqlite_')) throw new Error(`collection name ${decl.name} is reserved by SQLite`);
  for (const idx of decl.indexes) {
    if (!idx.fields.length) throw new Error(`empty index on ${decl.name}`);
    for (const f of idx.fields) assertPath(f, true); // `_id` may close an index (paging by _id)
  }
}

/**
 * One table per collection. `id` is the primary key (WITHOUT ROWID: the table is clustered on it, so a get
 * by id is one b-tree search); `doc` is the whole document as JSON text, `_id` included.
 */
export function applyCollections(db: Database.Database, collections: readonly CollectionDecl[]): void {
  for (const decl of collections) validate(decl);
  const apply = db.transaction(() => {
    for (const decl of collections) {
      const table = quoteIdent(decl.name);
      db.exec(`CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL CHECK (json_valid(doc))) STRICT, WITHOUT ROWID`);
      const wanted = new Map(decl.indexes.map((idx) => [indexName(decl.name, idx), idx]));
      const existing = db
        .prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND (name LIKE 'ix\\_%' ESCAPE '\\' OR name LIKE 'ux\\_%' ESCAPE '\\')`)
        .pluck()
        .all(decl.name) as string[];
      for (const name of existing) if (!wanted.has(name)) db.exec(`DROP INDEX ${quoteIdent(name)}`);
      for (const [name, idx] of wanted) {
        const cols = idx.fields.map(fieldExpr).join(', ');
        db.exec(`CREATE ${idx.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${quoteIdent(name)} ON ${table} (${cols})`);
      }
    }
  });
  apply.immediate();
}

/** index name → the key reported in StoreConflictError, for the unique indexes of one collection */
export function uniqueKeysByIndex(decl: CollectionDecl): Map<string, string> {
  return new Map(decl.indexes.filter((i) => i.unique).map((i) => [indexName(decl.name, i), uniqueKeyName(i)]));
}
