import type { ArticleView, Page } from '../contracts/domain';
import type { Deps, Where } from '../ports';
import { q } from '../ports';
import type { ArticleDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { scopeFor } from '../access/permissions';
import type { Principal } from '../identity/principal';
import { decodeCursor, encodeCursor } from './cursor';
import { scopeWhere } from './scope';

export function articleView(a: ArticleDoc): ArticleView {
  return { id: a._id, title: a.title, summary: a.summary, body: a.body, public: a.public, publishedAt: a.published_at };
}

/** Why an anonymous caller cannot browse: register first, or be activated. */
function anonymousRefusal(principal: Principal): AppError {
  return principal.settings.self_registration.enabled ? new AppError('registration/required') : new AppError('auth/not-activated');
}

function readableWhere(principal: Principal): Where {
  if (principal.kind === 'anonymous') throw anonymousRefusal(principal);
  const where = scopeWhere(scopeFor(principal.permissions, 'article', 'read'), principal);
  if (!where) throw new AppError('access/denied', { object: 'article', action: 'read' });
  return where;
}

export async function listArticles(deps: Deps, principal: Principal, opts: { cursor?: string; limit?: number }): Promise<Page<ArticleView>> {
  const where: Where = { ...readableWhere(principal) };
  if (opts.cursor) where['_id'] = q.lt(decodeCursor(opts.cursor));
  const limit = opts.limit ?? 20;
  const docs = await deps.store.find<ArticleDoc>('articles', { where, orderBy: [['_id', 'desc']], limit: limit + 1 });
  const items = docs.slice(0, limit).map(articleView);
  const last = docs.length > limit ? docs[limit - 1] : undefined;
  return last ? { items, nextCursor: encodeCursor(last._id) } : { items };
}

export async function getArticle(deps: Deps, principal: Principal, id: string): Promise<ArticleView> {
  const where = readableWhere(principal);
  const doc = await deps.store.get<ArticleDoc>('articles', id);
  if (!doc) throw new AppError('records/not-found', { object: 'article' });
  // Same answer as not-found for what the scope hides, so ids cannot be probed.
  for (const [field, value] of Object.entries(where)) {
    if (doc[field] !== value) throw new AppError('records/not-found', { object: 'article' });
  }
  return articleView(doc);
}
