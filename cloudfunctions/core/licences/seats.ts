import type { LicenceSummary } from '../contracts/admin';
import type { Deps, StoreTx } from '../ports';
import { AppError } from '../kernel/app-error';

export const LICENCE_ID = 'terminal-user';

/**
 * Seats live in blocks, so that a burst of registrations does not write one hot document (on CloudBase
 * every transaction writing the same document but one aborts and retries). Each block is a LicenceDoc
 * `{total, used}` with `used <= total`; the licence is their sum. Block 0 is the licence document itself
 * (LICENCE_ID), so data written before blocks existed is simply one block. Exhaustion stays exact: a seat
 * is taken from a block with room inside the transaction, and a take fails only when every block is full,
 * i.e. when the sum of `used` reaches the sum of `total`. Grants spread the free seats evenly again
 * (addSeatsInTx), so takers land on different blocks; block 0 says how many blocks are in use, so a
 * licence never spread (older data) costs one read as before. Reads never conflict; only writes do.
 */
export const SEAT_BLOCKS = 16;

interface SeatBlockDoc {
  _id: string;
  total: number;
  used: number;
  /** on block 0 only: how many blocks hold seats */
  blocks?: number;
  [key: string]: unknown;
}
type LicenceDoc = SeatBlockDoc;

export const seatBlockId = (i: number) => (i === 0 ? LICENCE_ID : `${LICENCE_ID}_b${i}`);
const ALL_BLOCKS = Array.from({ length: SEAT_BLOCKS }, (_, i) => seatBlockId(i));

/** the blocks in use, starting at a random one (block 0 already read): concurrent takers spread out */
async function blocksInUse(tx: StoreTx): Promise<Array<{ id: string; read: () => Promise<LicenceDoc | null> }>> {
  const first = await tx.get<LicenceDoc>('licences', LICENCE_ID);
  const count = Math.min(SEAT_BLOCKS, Math.max(1, first?.blocks ?? 1));
  const start = Math.floor(Math.random() * count);
  return Array.from({ length: count }, (_, k) => {
    const id = seatBlockId((start + k) % count);
    return { id, read: async () => (id === LICENCE_ID ? first : tx.get<LicenceDoc>('licences', id)) };
  });
}

/**
 * Takes one Terminal User seat inside a transaction: the first block with room, from a random start
 * (usually two reads and one write; more reads only when seats run low).
 */
export async function takeSeatInTx(tx: StoreTx): Promise<void> {
  let total = 0;
  let used = 0;
  for (const { id, read } of await blocksInUse(tx)) {
    const block = await read();
    if (!block) continue;
    if (block.used < block.total) {
      await tx.update('licences', id, { set: { used: block.used + 1 } });
      return;
    }
    total += block.total;
    used += block.used;
  }
  throw new AppError('licence/exhausted', { total, used, needed: 1, free: 0 });
}

async function readBlocks(tx: StoreTx): Promise<Array<{ id: string; doc: LicenceDoc | null }>> {
  const out: Array<{ id: string; doc: LicenceDoc | null }> = [];
  for (const id of ALL_BLOCKS) out.push({ id, doc: await tx.get<LicenceDoc>('licences', id) });
  return out;
}

const sumOf = (blocks: Array<{ doc: LicenceDoc | null }>) =>
  blocks.reduce((s, b) => ({ total: s.total + (b.doc?.total ?? 0), used: s.used + (b.doc?.used ?? 0) }), { total: 0, used: 0 });

/**
 * Takes `n` seats at once or none (a request activating three users with two free seats fails whole).
 * Reads every block: the request contends with all takers, which an admin's bulk action may.
 * Answers the licence as it is after the change.
 */
export async function takeSeatsInTx(tx: StoreTx, n: number): Promise<LicenceSummary> {
  const blocks = await readBlocks(tx);
  const { total, used } = sumOf(blocks);
  if (n <= 0) return summary(total, used);
  if (used + n > total) throw new AppError('licence/exhausted', { total, used, needed: n, free: Math.max(0, total - used) });
  let left = n;
  for (const { id, doc } of blocks) {
    if (!doc || left === 0) continue;
    const take = Math.min(left, doc.total - doc.used);
    if (take <= 0) continue;
    await tx.update('licences', id, { set: { used: doc.used + take } });
    left -= take;
  }
  return summary(total, used + n);
}

/**
 * Adds `n` granted or purchased seats and spreads every free seat evenly over the blocks again (a grant
 * is rare; this keeps takers from piling onto one block). Answers the licence after the change.
 */
export async function addSeatsInTx(tx: StoreTx, n: number): Promise<LicenceSummary> {
  const blocks = await readBlocks(tx);
  const { total, used } = sumOf(blocks);
  const free = total + n - used;
  for (const [i, { id, doc }] of blocks.entries()) {
    const share = Math.floor(free / SEAT_BLOCKS) + (i < free % SEAT_BLOCKS ? 1 : 0);
    const next = { total: (doc?.used ?? 0) + share, used: doc?.used ?? 0, ...(i === 0 ? { blocks: SEAT_BLOCKS } : {}) };
    if (!doc) await tx.insert('licences', { _id: id, ...next } satisfies LicenceDoc);
    else if (doc.total !== next.total || (i === 0 && doc.blocks !== SEAT_BLOCKS)) await tx.update('licences', id, { set: next });
  }
  return summary(total + n, used);
}

export const summary = (total: number, used: number): LicenceSummary => ({ total, used, free: Math.max(0, total - used) });

/** Seats as they are now (outside a transaction: for display only), summed over the blocks. */
export async function licenceSummary(deps: Deps): Promise<LicenceSummary> {
  const blocks = await deps.store.getMany<LicenceDoc>('licences', ALL_BLOCKS);
  const { total, used } = sumOf(blocks.map((doc) => ({ doc })));
  return summary(total, used);
}

/** Gives one seat back: to the first block holding a taken seat, from a random start. */
export async function releaseSeatInTx(tx: StoreTx): Promise<void> {
  for (const { id, read } of await blocksInUse(tx)) {
    const block = await read();
    if (block && block.used > 0) {
      await tx.update('licences', id, { set: { used: block.used - 1 } });
      return;
    }
  }
}
