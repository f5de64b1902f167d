import type { ReviewItem, ReviewReason } from '../contracts/account-merge';
import type { Page } from '../contracts/domain';
import type { Deps } from '../ports';
import type { AccountDoc, AdminDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { isoNow } from '../kernel/time';
import { auditInTx } from '../audit/audit';
import { decodeCursor, encodeCursor } from '../records/cursor';
import { q } from '../ports';
import { adminActor, requireAdmin } from '../admin/permissions';
import { normaliseCompanyName } from './company-name';
import { compareNames, LIST_SCORE } from './name-compare';
import { fuzzyCandidates } from './name-match';
import { nameOfAccount } from './name-index';

const REVIEW_REASONS: ReadonlySet<string> = new Set<ReviewReason>(['possible-duplicate', 'uscc-check-digit', 'near-name-same-day', 'duplicate-in-data']);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/**
 * Why a new Account should be looked at, decided when it is created: a near name (anything the matcher
 * would not call different) created the same UTC day is how a missed typo or a double registration
 * shows up. Read before the creating transaction; a flag is advice, not a lock.
 */
export async function nearNameSameDay(deps: Deps, name: string): Promise<AccountDoc | null> {
  const today = isoNow(deps.clock).slice(0, 10);
  const n = normaliseCompanyName(name);
  if (!n.core) return null;
  const near = await fuzzyCandidates(deps, n, { minScore: LIST_SCORE, limit: 5 });
  return near.find((c) => c.comparison.verdict !== 'different' && str(c.account['created_at'])?.slice(0, 10) === today)?.account ?? null;
}

/** `admin.accounts.reviewQueue`: Accounts flagged as possible duplicates, newest first, each with its candidate. */
export async function reviewQueue(deps: Deps, admin: AdminDoc, opts: { cursor?: string; limit?: number }): Promise<Page<ReviewItem>> {
  requireAdmin(admin, 'accounts.read');
  const limit = opts.limit ?? 20;
  const where = { needs_review: true, ...(opts.cursor ? { _id: q.lt(decodeCursor(opts.cursor)) } : {}) };
  const docs = await deps.store.find<AccountDoc>('accounts', { where, orderBy: [['_id', 'desc']], limit: limit + 1 });
  const page = docs.slice(0, limit);
  const others = await deps.store.getMany<AccountDoc>('accounts', [...new Set(page.map((a) => str(a['possible_duplicate_of'])).filter((id): id is string => !!id))]);
  const items = page.map((a): ReviewItem => {
    const reasons = (Array.isArray(a['review_reasons']) ? a['review_reasons'] : []).filter((r): r is ReviewReason => typeof r === 'string' && REVIEW_REASONS.has(r));
    const item: ReviewItem = { id: a._id, name: a.name, createdAt: str(a['created_at']) ?? '', reasons };
    if (str(a['credit_code'])) item.creditCode = str(a['credit_code']);
    const other = others.find((o) => o._id === a['possible_duplicate_of']);
    if (other) {
      const c = compareNames(nameOfAccount(a), nameOfAccount(other));
      item.candidate = { id: other._id, name: other.name, kind: c.verdict, reasons: c.reasons };
    }
    return item;
  });
  return docs.length > limit ? { items, nextCursor: encodeCursor(page[page.length - 1]._id) } : { items };
}

/** `admin.accounts.dismissReview`: an admin looked and the Account stays as it is. */
export async function dismissReview(deps: Deps, admin: AdminDoc, input: { id: string }): Promise<{ id: string; needsReview: false }> {
  requireAdmin(admin, 'accounts.update');
  await deps.store.transaction(async (tx) => {
    const a = await tx.get<AccountDoc>('accounts', input.id);
    if (!a) throw new AppError('accounts/not-found', { accountId: input.id });
    if (a['needs_review'] !== true) return;
    await tx.update('accounts', input.id, { set: { needs_review: false, reviewed_at: isoNow(deps.clock) } });
    await auditInTx(deps, tx, { actor: adminActor(admin), action: 'account.review-dismissed', target: input.id, details: { reasons: a['review_reasons'] ?? [] } });
  });
  return { id: input.id, needsReview: false };
}
