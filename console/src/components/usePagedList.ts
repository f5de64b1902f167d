import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../contracts';

export interface PagedList<T> {
  items: T[];
  nextCursor?: string;
  /** loading the first page for the current `load` */
  loading: boolean;
  /** loading the page after `nextCursor` */
  loadingMore: boolean;
  error: unknown;
  /** which request failed, so "retry" repeats that one */
  failed?: 'first' | 'more';
  reload: () => void;
  loadMore: () => void;
  retry: () => void;
  /** replaces one item in place (after an action answered with its new state) */
  replace: (item: T) => void;
}

interface State<T> {
  items: T[];
  nextCursor?: string;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  failed?: 'first' | 'more';
}

/**
 * Cursor paging ("load more") over one console list action. `load` is a useCallback of the page's
 * filters: a new `load` starts again from the first page, and answers to older requests are dropped
 * (typing fast must never leave the previous search's rows on screen).
 */
export function usePagedList<T>(load: (cursor?: string) => Promise<Page<T>>, keyOf: (item: T) => string): PagedList<T> {
  const [state, setState] = useState<State<T>>({ items: [], loading: true, loadingMore: false, error: null });
  const seq = useRef(0);
  const keyRef = useRef(keyOf);
  keyRef.current = keyOf;

  const fetchPage = useCallback(
    async (cursor?: string) => {
      const mine = ++seq.current;
      setState((prev) => (cursor ? { ...prev, loadingMore: true, error: null, failed: undefined } : { items: prev.items, loading: true, loadingMore: false, error: null }));
      try {
        const page = await load(cursor);
        if (mine !== seq.current) return;
        setState((prev) => {
          const seen = new Set(prev.items.map((item) => keyRef.current(item)));
          const items = cursor ? prev.items.concat(page.items.filter((item) => !seen.has(keyRef.current(item)))) : page.items;
          return { items, nextCursor: page.nextCursor || undefined, loading: false, loadingMore: false, error: null };
        });
      } catch (error) {
        if (mine !== seq.current) return;
        setState((prev) => ({
          ...prev,
          // a failed first page must not keep showing the previous filter's rows
          items: cursor ? prev.items : [],
          nextCursor: cursor ? prev.nextCursor : undefined,
          loading: false,
          loadingMore: false,
          error,
          failed: cursor ? 'more' : 'first',
        }));
      }
    },
    [load],
  );

  useEffect(() => {
    void fetchPage();
  }, [fetchPage]);
  // leaving the page: ignore answers still in flight
  useEffect(() => () => void ++seq.current, []);

  const { nextCursor, failed } = state;
  return {
    ...state,
    reload: () => void fetchPage(),
    loadMore: () => void (nextCursor ? fetchPage(nextCursor) : undefined),
    retry: () => void fetchPage(failed === 'more' ? nextCursor : undefined),
    replace: (item: T) =>
      setState((prev) => ({ ...prev, items: prev.items.map((old) => (keyRef.current(old) === keyRef.current(item) ? item : old)) })),
  };
}
