import type { DailyCount, DashboardView } from '../contracts/admin';
import type { Deps } from '../ports';
import { q } from '../ports';
import type { AdminDoc } from '../kernel/docs';
import { licenceSummary } from '../licences/seats';
import { requireAdmin } from './permissions';
import { auditEntryView } from './views';
import { withAuditNames } from '../audit/names';

export const DASHBOARD_DAYS = 30;
const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** The last `n` calendar days in China time, oldest first: their names and [start, end) as ISO instants. */
export function lastDays(nowMs: number, n: number): Array<{ day: string; start: string; end: string }> {
  const todayStart = Math.floor((nowMs + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
  return Array.from({ length: n }, (_, i) => {
    const start = todayStart - (n - 1 - i) * DAY_MS;
    return { day: new Date(start + CHINA_OFFSET_MS).toISOString().slice(0, 10), start: new Date(start).toISOString(), end: new Date(start + DAY_MS).toISOString() };
  });
}

/**
 * Registrations per day are indexed range counts over `ic_users.created_at` rather than counters: every way
 * of creating a user (activation, openid-auto, self-registration) is counted without each having to keep a
 * counter, and nothing is scanned. "Created since the start of day i" for the 31 day boundaries, run
 * together; a day's count is the difference of two neighbours. (Users created while the counts run can
 * shift a day by one; the next load is exact.)
 */
async function registrationsPerDay(deps: Deps): Promise<DailyCount[]> {
  const days = lastDays(deps.clock.now(), DASHBOARD_DAYS);
  const bounds = [...days.map((d) => d.start), days[days.length - 1].end];
  const since = await Promise.all(bounds.map((b) => deps.store.count('ic_users', { created_at: q.gte(b), kind: 'member' })));
  return days.map((d, i) => ({ day: d.day, count: Math.max(0, since[i] - since[i + 1]) }));
}

export async function dashboard(deps: Deps, admin: AdminDoc): Promise<DashboardView> {
  requireAdmin(admin, 'dashboard.read');
  const members = (status: string) => deps.store.count('ic_users', { status, kind: 'member' });
  const [seats, active, pending, disabled, perDay, recent] = await Promise.all([
    licenceSummary(deps),
    members('active'),
    members('pending'),
    members('disabled'),
    registrationsPerDay(deps),
    deps.store.find('audit_log', { orderBy: [['at', 'desc'], ['_id', 'desc']], limit: 10 }),
  ]);
  return {
    seats,
    users: { active, pending, disabled },
    registrationsPerDay: perDay,
    pendingApprovals: pending,
    recentActivity: await withAuditNames(deps, recent.map(auditEntryView)),
  };
}
