import type { Deps } from '../ports';
import { q, StoreConflictError } from '../ports';
import type { AdminLoginAttemptDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';

/**
 * Admin login budgets. An attempt is *taken* from the budget by a conditional update before the password
 * is checked, so N parallel guesses can never be N evaluations: once a budget is spent every further
 * attempt is `admin/locked` without touching scrypt.
 *
 * Two budgets per attempt: one per (user name, client IP) — tight, so a guesser is stopped quickly where
 * they are while the owner elsewhere keeps signing in — and one per user name from anywhere, a higher
 * ceiling against guessers spread over many addresses. Names that do not exist are counted the same, so
 * the answers do not tell which names exist. `npm run admin:unlock -- <name>` clears a name's budgets.
 */
const COLL = 'admin_login_attempts';

export interface Budget {
  max: number;
  windowMs: number;
  lockMs: number;
}

export const PAIR_BUDGET: Budget = { max: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const NAME_BUDGET: Budget = { max: 50, windowMs: 60 * 60_000, lockMs: 15 * 60_000 };

export interface LoginKeys {
  subject: string;
  pair: string;
  name: string;
}

/** The budgets' subject: a keyed hash, so that a password typed into the name field is never stored. */
export const loginSubject = (deps: Pick<Deps, 'crypto'>, username: string) => deps.crypto.hmac(`admin-login:${username.trim().toLowerCase()}`);

export function loginKeys(deps: Pick<Deps, 'crypto'>, username: string, ip: string | undefined): LoginKeys {
  const subject = loginSubject(deps, username);
  return { subject, pair: `pair_${deps.crypto.hmac(`${subject}|${ip ?? 'unknown'}`)}`, name: `name_${subject}` };
}

type Taken = { ok: true } | { ok: false; until: number };

async function take(deps: Deps, id: string, subject: string, b: Budget, now: number): Promise<Taken> {
  for (let round = 0; round < 4; round++) {
    const taken = await deps.store.update(COLL, id, { inc: { attempts: 1 } }, { attempts: q.lt(b.max), locked_until: q.lte(now), window_until: q.gt(now) });
    if (taken) return { ok: true };
    const doc = await deps.store.get<AdminLoginAttemptDoc>(COLL, id);
    if (!doc) {
      const fresh: AdminLoginAttemptDoc = { _id: id, subject, attempts: 0, window_until: now + b.windowMs, locked_until: 0 };
      await deps.store.insert(COLL, fresh).catch((e: unknown) => {
        if (!(e instanceof StoreConflictError)) throw e; // a parallel attempt created it: take from theirs
      });
      continue;
    }
    if (doc.locked_until > now) return { ok: false, until: doc.locked_until };
    if (doc.window_until <= now) {
      // a new window; the condition keeps parallel restarts from wiping each other's counts
      await deps.store.update(COLL, id, { set: { attempts: 0, window_until: now + b.windowMs } }, { window_until: q.lte(now), locked_until: q.lte(now) });
      continue;
    }
    // spent, and the attempt that spent it is still being checked: it sets the lock when it fails
    return { ok: false, until: now + b.lockMs };
  }
  return { ok: false, until: now + b.lockMs };
}

const giveBack = (deps: Deps, id: string) => deps.store.update(COLL, id, { inc: { attempts: -1 } }, { attempts: q.gt(0) });

/** Takes one attempt from both budgets, or throws `admin/locked` (nothing else is evaluated then). */
export async function takeLoginAttempt(deps: Deps, keys: LoginKeys): Promise<void> {
  const now = deps.clock.now();
  const pair = await take(deps, keys.pair, keys.subject, PAIR_BUDGET, now);
  if (!pair.ok) throw locked(pair.until, now);
  const name = await take(deps, keys.name, keys.subject, NAME_BUDGET, now);
  if (!name.ok) {
    await giveBack(deps, keys.pair); // not evaluated, so not this address's failure
    throw locked(name.until, now);
  }
}

/** A wrong password: the attempt stays counted; the one that spends a budget locks it. Answers whether it locked. */
export async function loginFailed(deps: Deps, keys: LoginKeys): Promise<boolean> {
  const now = deps.clock.now();
  const lock = (id: string, b: Budget) =>
    deps.store.update(COLL, id, { set: { locked_until: now + b.lockMs, window_until: now + b.lockMs, attempts: 0 } }, { attempts: q.gte(b.max), locked_until: q.lte(now) });
  const [pair, name] = [await lock(keys.pair, PAIR_BUDGET), await lock(keys.name, NAME_BUDGET)];
  return pair + name > 0;
}

/** The right password: this address starts afresh, and the name's ceiling gets the attempt back. */
export async function loginSucceeded(deps: Deps, keys: LoginKeys): Promise<void> {
  await deps.store.update(COLL, keys.pair, { set: { attempts: 0 } }, { locked_until: q.lte(deps.clock.now()) });
  await giveBack(deps, keys.name);
}

/**
 * Budgets a day past their window are removed a few at a time by every evaluated attempt, so guesses at
 * made-up names (each leaves two documents) cannot grow the collection without bound.
 */
export async function sweepStaleBudgets(deps: Deps): Promise<void> {
  const now = deps.clock.now();
  const stale = { window_until: q.lt(now - STALE_AFTER_MS), locked_until: q.lt(now) };
  const docs = await deps.store.find<AdminLoginAttemptDoc>(COLL, { where: stale, limit: 4 });
  for (const d of docs) await deps.store.remove(COLL, d._id, stale);
}

const STALE_AFTER_MS = 24 * 3600_000;

/** Recovery (`npm run admin:unlock`): every budget of that name, from every address, starts afresh. */
export async function clearLoginAttempts(deps: Pick<Deps, 'store' | 'crypto'>, username: string): Promise<number> {
  return deps.store.updateMany(COLL, { subject: loginSubject(deps, username) }, { set: { attempts: 0, locked_until: 0, window_until: 0 } });
}

function locked(until: number, now: number): AppError {
  return new AppError('admin/locked', { minutes: Math.max(1, Math.ceil((until - now) / 60_000)) });
}
