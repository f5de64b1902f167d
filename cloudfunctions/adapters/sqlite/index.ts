export { openSqliteStore, type SqliteStore, type SqliteStoreOptions } from './store';
export { applyCollections } from './schema';
export { indexName } from '../shared/store-guard';
