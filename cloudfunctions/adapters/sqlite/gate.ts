/**
 * The in-process transaction gate. better-sqlite3 is synchronous and shares one connection, but a
 * transaction's callback is async: while it awaits, other requests run on the same connection and their
 * statements would land inside the open transaction. So while a transaction is open, every other store
 * call waits here. When no transaction is open, passing the gate costs one property read.
 *
 * AsyncLocalStorage tells apart "the transaction's own code calling the plain store" (a bug: it would wait
 * for itself forever) from other requests, so that bug fails loudly instead of hanging.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface TxState {
  open: boolean;
  /** set when an operation failed in a way that, on CloudBase, aborts the transaction server-side */
  doomed: Error | null;
}

export class Gate {
  private held: Promise<void> | null = null;
  private release: (() => void) | null = null;
  private readonly context = new AsyncLocalStorage<TxState>();

  get isHeld(): boolean {
    return this.held !== null;
  }

  /** The transaction whose callback is running in the current async context, if any. */
  current(): TxState | undefined {
    const tx = this.context.getStore();
    return tx?.open ? tx : undefined;
  }

  /** Waits until no transaction is open. Call only when `isHeld` (keeps the fast path synchronous). */
  async pass(): Promise<void> {
    if (this.current()) throw new Error('store called inside its own transaction: use the tx handle (nested transactions are not supported)');
    while (this.held) await this.held;
  }

  /** Takes the gate; resolves once every earlier holder has released it. */
  async acquire(): Promise<() => void> {
    while (this.held) await this.held;
    this.held = new Promise<void>((resolve) => {
      this.release = resolve;
    });
    return () => {
      const release = this.release;
      this.held = null;
      this.release = null;
      release?.();
    };
  }

  run<T>(tx: TxState, fn: () => Promise<T>): Promise<T> {
    return this.context.run(tx, fn);
  }
}
