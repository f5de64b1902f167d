import type { StoreTx } from '../ports';
import type { MethodConfig } from './method-config';

interface OwnerCounterDoc {
  _id: string;
  /** Accounts this owner was given under the method */
  count: number;
  method_id: string;
  owner: string;
  [key: string]: unknown;
}

export const ownerCounterId = (methodId: string, owner: string) => `owner-rr_${methodId}_${owner}`;

/**
 * The owner of a new Account (and its Contact). `round-robin` gives the Account to an owner with the
 * fewest Accounts so far — one counter per owner, read inside the registration's own transaction and
 * incremented with it, so a registration that fails takes nothing. Ties go to a random owner, so a burst
 * of registrations spreads its writes over every counter instead of one hot document.
 * Why it stays fair: the chosen counter commits only if nobody changed it since this transaction read it
 * (else a write conflict re-runs the registration), and counters only grow, so the owner incremented is
 * still one of the least served when it commits: owners never differ by more than one — N registrations
 * over k owners give each ⌊N/k⌋ or ⌈N/k⌉.
 */
export async function roundRobinOwner(tx: StoreTx, method: MethodConfig): Promise<string | undefined> {
  const owners = [...new Set(method.account.owners)];
  if (owners.length === 0) return undefined;
  if (method.account.ownerAssignment === 'single' || owners.length === 1) return owners[0];
  const counts: Array<{ owner: string; doc: OwnerCounterDoc | null }> = [];
  for (const owner of owners) counts.push({ owner, doc: await tx.get<OwnerCounterDoc>('counters', ownerCounterId(method.id, owner)) });
  const fewest = Math.min(...counts.map((c) => c.doc?.count ?? 0));
  const candidates = counts.filter((c) => (c.doc?.count ?? 0) === fewest);
  const { owner, doc } = candidates[Math.floor(Math.random() * candidates.length)];
  if (doc) await tx.update('counters', doc._id, { inc: { count: 1 } });
  else await tx.insert('counters', { _id: ownerCounterId(method.id, owner), count: 1, method_id: method.id, owner } satisfies OwnerCounterDoc);
  return owner;
}
