import type { ArticleView } from './contracts';

/** `records` answers are typed loosely (any object); narrow before rendering an article. */
export function isArticle(v: unknown): v is ArticleView {
  const a = v as Partial<ArticleView> | null;
  return !!a && typeof a.id === 'string' && typeof a.title === 'string';
}

export function articleUrl(id: string): string {
  return `/pages/article/index?id=${encodeURIComponent(id)}`;
}

/** Publication date for display (YYYY-MM-DD); the wire carries ISO timestamps. */
export function publishedDay(iso: string | undefined): string {
  return typeof iso === 'string' ? iso.slice(0, 10) : '';
}
