import { useCallback, useEffect, useRef, useState } from 'react';

import { useI18n } from '../../../i18n';
import { CallError } from '../../../services/client';
import type { ObjectName, RecordViews } from '../../../services/contracts';

import { listRecords } from './api';

export interface PagedList<T> {
  items: T[];
  loading: boolean;
  loadingMore: boolean;
  error: CallError | null;
  hasMore: boolean;
  reload: () => void;
  loadMore: () => void;
}

const asCallError = (e: unknown) => (e instanceof CallError ? e : new CallError({ code: 'internal', message: String(e) }));

/**
 * A records list with cursor paging ("load more"). Re-reads from the first page when the request, the
 * identity (`key`) or the language changes; answers to superseded requests are dropped.
 */
export function usePagedList<O extends ObjectName>(object: O, opts: { filter?: Record<string, string>; limit?: number; enabled: boolean; key: string }): PagedList<RecordViews[O]> {
  const { locale } = useI18n();
  const [items, setItems] = useState<Array<RecordViews[O]>>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const [nonce, setNonce] = useState(0);
  const seq = useRef(0);
  const request = JSON.stringify([object, opts.filter ?? {}, opts.limit ?? 20, opts.key, locale, nonce]);

  useEffect(() => {
    if (!opts.enabled) return;
    const id = ++seq.current;
    setLoading(true);
    setError(null);
    listRecords(object, { filter: opts.filter, limit: opts.limit ?? 20 }).then(
      (page) => {
        if (id !== seq.current) return;
        setItems(page.items);
        setCursor(page.nextCursor);
        setLoading(false);
      },
      (e: unknown) => {
        if (id !== seq.current) return;
        setItems([]);
        setCursor(undefined);
        setError(asCallError(e));
        setLoading(false);
      },
    );
    // `request` captures every input by value, so it alone decides when to re-read
  }, [request, opts.enabled]);

  const loadMore = useCallback(() => {
    if (!cursor || loadingMore) return;
    const id = seq.current;
    setLoadingMore(true);
    listRecords(object, { filter: opts.filter, limit: opts.limit ?? 20, cursor }).then(
      (page) => {
        if (id !== seq.current) return;
        setItems((prev) => [...prev, ...page.items.filter((i) => !prev.some((p) => p.id === i.id))]);
        setCursor(page.nextCursor);
        setLoadingMore(false);
      },
      (e: unknown) => {
        if (id !== seq.current) return;
        setError(asCallError(e));
        setLoadingMore(false);
      },
    );
  }, [cursor, loadingMore, object, opts.filter, opts.limit]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { items, loading: opts.enabled ? loading : true, loadingMore, error, hasMore: !!cursor, reload, loadMore };
}
