import type { AuditEntryView, AuditListIn } from '../contracts/admin';
import type { Page } from '../contracts/domain';
import type { Deps, Where } from '../ports';
import { q } from '../ports';
import type { AdminDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { decodeCursor, encodeCursor } from '../records/cursor';
import { takeWhile } from './paging';
import { requireAdmin } from './permissions';
import { auditEntryView } from './views';
import { withAuditNames } from '../audit/names';

interface Position {
  at: string;
  id: string;
}

/** The cursor is the last entry's position: its time (ms, base 36) and id. */
const encodePosition = (p: Position) => encodeCursor(`${Date.parse(p.at).toString(36)}_${p.id}`);

function decodePosition(cursor: string): Position {
  const raw = decodeCursor(cursor);
  const cut = raw.indexOf('_');
  const ms = parseInt(raw.slice(0, cut), 36);
  if (cut < 1 || !Number.isSafeInteger(ms)) throw new AppError('input/invalid', { field: 'cursor', reason: 'malformed' });
  return { at: new Date(ms).toISOString(), id: raw.slice(cut + 1) };
}

/** Entries store `toISOString()`; a bound written without milliseconds must compare the same way. */
function instant(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new AppError('input/invalid', { field, reason: 'not-a-time' });
  return new Date(ms).toISOString();
}

/**
 * The audit log, newest first, filtered by actor, action or target (each an index ending in `at`) and a
 * time range. Entries can share a timestamp, so the next page continues after the last (time, id) seen:
 * the rest of that millisecond, then everything older.
 */
export async function listAudit(deps: Deps, admin: AdminDoc, opts: AuditListIn): Promise<Page<AuditEntryView>> {
  requireAdmin(admin, 'audit.read');
  const limit = opts.limit ?? 20;
  const base: Where = {};
  if (opts.actor) base['actor'] = opts.actor;
  if (opts.action) base['action'] = opts.action;
  if (opts.target) base['target'] = opts.target;
  const from = instant(opts.from, 'from') ?? '';
  const until = instant(opts.to, 'to');
  const after = opts.cursor ? decodePosition(opts.cursor) : undefined;
  const to = after && (!until || after.at < until) ? after.at : until;

  const docs: Array<Record<string, unknown> & { _id: string }> = [];
  if (after && after.at >= from) {
    docs.push(...(await deps.store.find('audit_log', { where: { ...base, at: after.at, _id: q.lt(after.id) }, orderBy: [['_id', 'desc']], limit: limit + 1 })));
  }
  if (docs.length <= limit) {
    // One bound goes to the index; newest first, everything older than `from` comes last and is cut off.
    const where: Where = { ...base };
    if (to !== undefined) where['at'] = q.lt(to);
    else if (from) where['at'] = q.gte(from);
    const older = await deps.store.find('audit_log', { where, orderBy: [['at', 'desc'], ['_id', 'desc']], limit: limit + 1 - docs.length });
    docs.push(...takeWhile(older, (d) => String(d['at']) >= from));
  }
  const items = await withAuditNames(deps, docs.slice(0, limit).map(auditEntryView));
  if (docs.length <= limit) return { items };
  const last = items[limit - 1];
  return { items, nextCursor: encodePosition({ at: last.at, id: last.id }) };
}
