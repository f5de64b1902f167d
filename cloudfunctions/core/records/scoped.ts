import type { Deps, Doc, Where } from '../ports';
import { q } from '../ports';

/**
 * Reads through a scope's branches (scope.ts): one indexed query per branch, in parallel, merged by id.
 * Each branch carries the scope's own conditions, so the store never returns a record outside the
 * scope — nothing is fetched and then filtered.
 */
export async function findInScope(deps: Deps, coll: string, branches: Where[], opts: { where?: Where; before?: string; limit: number }): Promise<Doc[]> {
  if (branches.length === 0) return [];
  const pages = await Promise.all(
    branches.map((branch) => {
      // The branch last: filters can never widen or replace a scope condition.
      const where: Where = { ...opts.where, ...branch };
      if (opts.before) where['_id'] = q.lt(opts.before);
      return deps.store.find(coll, { where, orderBy: [['_id', 'desc']], limit: opts.limit });
    }),
  );
  if (pages.length === 1) return pages[0];
  // The newest `limit` of a union are among the newest `limit` of each part: merge, de-duplicate, cut.
  const byId = new Map<string, Doc>();
  for (const page of pages) for (const doc of page) byId.set(doc._id, doc);
  return [...byId.values()].sort((a, b) => (a._id < b._id ? 1 : a._id > b._id ? -1 : 0)).slice(0, opts.limit);
}

/** One record by id, through the scope: the id and the scope conditions are one query per branch. */
export async function findOneInScope(deps: Deps, coll: string, branches: Where[], id: string): Promise<Doc | null> {
  if (branches.length === 0) return null;
  const found = await Promise.all(branches.map((branch) => deps.store.find(coll, { where: { ...branch, _id: id }, limit: 1 })));
  return found.find((page) => page.length > 0)?.[0] ?? null;
}
