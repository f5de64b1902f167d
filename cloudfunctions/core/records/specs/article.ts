import type { ArticleView, RecordCreateInputs, RecordUpdateInputs } from '../../contracts/domain';
import type { ArticleDoc } from '../../kernel/docs';
import { object, optional, string } from '../../kernel/schema';
import type { RecordSpec } from '../spec';
import { pickDefined } from '../spec';
import { longText, title } from './text';

export function articleView(a: ArticleDoc): ArticleView {
  return { id: a._id, title: a.title, summary: a.summary, body: a.body, public: a.public, publishedAt: a.published_at };
}

const summary = () => string({ max: 200 });

/**
 * Articles are the business's content. A role may let people write them, but publishing to everyone
 * (`public`) stays the business's decision: user-written articles are never public.
 */
export const articleSpec: RecordSpec<ArticleDoc, ArticleView, RecordCreateInputs['article'], RecordUpdateInputs['article']> = {
  object: 'article',
  collection: 'articles',
  idPrefix: 'art',
  publicFlag: true,
  filters: {},
  createSchema: object({ title: title(), summary: optional(summary()), body: longText() }),
  updateSchema: object({ title: optional(title()), summary: optional(summary()), body: optional(longText()) }),
  async build(ctx, input) {
    return { title: input.title, summary: input.summary ?? '', body: input.body, public: false, published_at: new Date(ctx.deps.clock.now()).toISOString() };
  },
  async changes(_ctx, _current, input) {
    return pickDefined(input, { title: 'title', summary: 'summary', body: 'body' });
  },
  view: (doc) => articleView(doc),
};
