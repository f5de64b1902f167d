import type { StoreTx } from '../ports';
import type { MethodConfig } from './method-config';

interface OwnerCounterDoc {
  _id: string;
  next: number;
  method_id: string;
  [key: string]: unknown;
}

export const ownerCounterId = (methodId: string) => `owner-rr_${methodId}`;

/**
 * The owner of a new Account (and its Contact). `round-robin` takes the next ticket of the method's
 * counter inside the registration's own transaction: the read and the increment commit together with
 * the Account or not at all (SQLite serialises writers; CloudBase aborts one of two transactions that
 * write the counter and `retryOnConflict` re-runs it), so N registrations over k owners give each owner
 * ⌊N/k⌋ or ⌈N/k⌉ — and a registration that fails takes no ticket.
 */
export async function roundRobinOwner(tx: StoreTx, method: MethodConfig): Promise<string | undefined> {
  const owners = method.account.owners;
  if (owners.length === 0) return undefined;
  if (method.account.ownerAssignment === 'single' || owners.length === 1) return owners[0];
  const id = ownerCounterId(method.id);
  const counter = await tx.get<OwnerCounterDoc>('counters', id);
  const ticket = counter?.next ?? 0;
  if (counter) await tx.update('counters', id, { inc: { next: 1 } });
  else await tx.insert('counters', { _id: id, next: 1, method_id: method.id } satisfies OwnerCounterDoc);
  return owners[ticket % owners.length];
}
