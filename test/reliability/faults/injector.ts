import type { Store, StoreTx } from '../../../cloudfunctions/core/ports';

/** Which call to break, and how: a refusal at once, or a call that times out (a late rejection). */
export interface FaultPlan {
  /** the 1-based call number to break; 0 breaks nothing (counting run) */
  at: number;
  mode: 'fail' | 'timeout';
}

export class InjectedFault extends Error {
  constructor(
    readonly port: string,
    readonly call: string,
    readonly mode: string,
  ) {
    super(`injected ${mode} at ${port}.${call}`);
    this.name = mode === 'timeout' ? 'TimeoutError' : 'InjectedFault';
  }
}

/** Counts every call to the ports it wraps (in call order across ports) and breaks the planned one. */
export class FaultCounter {
  calls: string[] = [];
  constructor(private readonly plan: FaultPlan) {}

  async hit(port: string, call: string): Promise<void> {
    this.calls.push(`${port}.${call}`);
    if (this.calls.length !== this.plan.at) return;
    if (this.plan.mode === 'timeout') await new Promise((r) => setTimeout(r, 5));
    throw new InjectedFault(port, call, this.plan.mode);
  }
}

/** The named async methods of `target` (all of them when `only` is absent) go through the counter first. */
export function faulty<T extends object>(port: string, target: T, counter: FaultCounter, only?: readonly string[]): T {
  return new Proxy(target, {
    get(obj, key, receiver) {
      const value = Reflect.get(obj, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string' || (only && !only.includes(key))) return value;
      return async (...args: unknown[]) => {
        await counter.hit(port, key);
        return (value as (...a: unknown[]) => unknown).apply(obj, args);
      };
    },
  });
}

/** The store, with each operation inside a transaction counted and breakable as well. */
export function faultyStore(store: Store, counter: FaultCounter): Store {
  const wrapped = faulty('store', store, counter);
  return new Proxy(wrapped, {
    get(obj, key, receiver) {
      if (key !== 'transaction') return Reflect.get(obj, key, receiver);
      return async <R>(fn: (tx: StoreTx) => Promise<R>) => {
        await counter.hit('store', 'transaction');
        return store.transaction((tx) => fn(faulty('tx', tx, counter)));
      };
    },
  });
}
