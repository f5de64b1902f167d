import { useEffect, useRef, useState } from 'react';
import type { OrderView } from '../../contracts';
import { adminCall } from '../../services/admin';

const POLL_MS = 2000;

/**
 * Follows one order until it is paid, expired or closed, by polling `orders.get` (which also settles an
 * overdue order with WeChat Pay on the server). A failed poll is retried on the next tick; leaving the
 * page or following another order stops it.
 */
export function useFollowOrder(outTradeNo: string | null): { order: OrderView | null; pollFailed: boolean; refresh: () => void } {
  const [order, setOrder] = useState<OrderView | null>(null);
  const [pollFailed, setPollFailed] = useState(false);
  const [tick, setTick] = useState(0);
  const current = useRef<string | null>(null);

  useEffect(() => {
    current.current = outTradeNo;
    setOrder(null);
    setPollFailed(false);
  }, [outTradeNo]);

  useEffect(() => {
    if (!outTradeNo) return undefined;
    let timer: number | undefined;
    const controller = new AbortController();
    const poll = async () => {
      try {
        const next = await adminCall('orders.get', { outTradeNo }, { signal: controller.signal });
        if (current.current !== outTradeNo) return;
        setOrder(next);
        setPollFailed(false);
        if (next.state === 'created') timer = window.setTimeout(() => void poll(), POLL_MS);
      } catch {
        if (controller.signal.aborted || current.current !== outTradeNo) return;
        setPollFailed(true);
        timer = window.setTimeout(() => void poll(), POLL_MS);
      }
    };
    void poll();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [outTradeNo, tick]);

  return { order, pollFailed, refresh: () => setTick((n) => n + 1) };
}
