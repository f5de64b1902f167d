import { int, object, optional, string } from '../../core/kernel/schema';
import { listAudit } from '../../core/admin/audit-log';
import { dashboard } from '../../core/admin/dashboard';
import { getLicences } from '../../core/admin/licences';
import { grantSeats } from '../../core/licences/grant';
import type { ActionTable } from '../shared/dispatch';
import { asAdmin } from './as-admin';
import { cursor, limit } from './ids';

/** an ISO instant as the audit log stores it */
const instant = () => optional(string({ max: 30, pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/ }));
const filter = () => optional(string({ min: 1, max: 200 }));

/** Seats, the audit log and the dashboard. */
export const oversightActions = {
  dashboard: asAdmin(object({}), (ctx, admin) => dashboard(ctx.deps, admin)),
  'licences.get': asAdmin(object({ cursor: cursor(), limit: limit() }), (ctx, admin, input) => getLicences(ctx.deps, admin, input)),
  'licences.grant': asAdmin(object({ seats: int({ min: 1, max: 100_000 }), reason: string({ min: 1, max: 200 }) }), (ctx, admin, input) =>
    grantSeats(ctx.deps, admin, input),
  ),
  'audit.list': asAdmin(
    object({ actor: filter(), action: filter(), target: filter(), from: instant(), to: instant(), cursor: cursor(), limit: limit() }),
    (ctx, admin, input) => listAudit(ctx.deps, admin, input),
  ),
} satisfies ActionTable;
