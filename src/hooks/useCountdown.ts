import { useEffect, useState } from 'react';

/** Seconds left before something may happen again (e.g. resending an SMS code); counts down to 0. */
export function useCountdown(): [number, (seconds: number) => void] {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return [left, (seconds: number) => setLeft(Math.max(0, Math.ceil(seconds)))];
}
