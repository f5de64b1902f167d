import type { Page } from '../contracts/domain';
import type { Deps, Doc, FindQuery, Where } from '../ports';
import { q } from '../ports';
import { decodeCursor, encodeCursor } from '../records/cursor';

/**
 * Console lists: newest first by (time-ordered) id, or — with a search — a name prefix: a range over the
 * name index (never a regular expression), ordered by name and paged by position.
 */
export async function pageByIdOrName<T extends Doc>(
  deps: Deps,
  coll: string,
  base: Where,
  opts: { query?: string; cursor?: string; limit?: number },
): Promise<{ docs: T[]; nextCursor?: string }> {
  const limit = opts.limit ?? 20;
  const where: Where = { ...base };
  let find: FindQuery;
  const prefix = opts.query;
  if (prefix) {
    // A range from the prefix upwards, in name order: every name starting with it comes first, so the
    // first name that does not start with it ends the matches (see below).
    where['name'] = q.gte(prefix);
    find = { where, orderBy: [['name', 'asc'], ['_id', 'asc']], limit: limit + 1, skip: opts.cursor ? skipOf(opts.cursor) : 0 };
  } else {
    if (opts.cursor) where['_id'] = q.lt(decodeCursor(opts.cursor));
    find = { where, orderBy: [['_id', 'desc']], limit: limit + 1 };
  }
  const found = await deps.store.find<T>(coll, find);
  const docs = prefix ? takeWhile(found, (d) => typeof d['name'] === 'string' && d['name'].startsWith(prefix)) : found;
  if (docs.length <= limit) return { docs };
  const nextCursor = opts.query ? encodeCursor(`s${(find.skip ?? 0) + limit}`) : encodeCursor(docs[limit - 1]._id);
  return { docs: docs.slice(0, limit), nextCursor };
}

export function takeWhile<T>(items: T[], keep: (item: T) => boolean): T[] {
  const end = items.findIndex((x) => !keep(x));
  return end < 0 ? items : items.slice(0, end);
}

/** Search pages are by position (the order is by name); the cursor carries the offset. */
function skipOf(cursor: string): number {
  const n = Number(decodeCursor(cursor).slice(1));
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

export function pageOf<D, V>(page: { docs: D[]; nextCursor?: string }, view: (d: D) => V): Page<V> {
  const items = page.docs.map(view);
  return page.nextCursor ? { items, nextCursor: page.nextCursor } : { items };
}
