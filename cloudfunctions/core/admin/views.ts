import type { AdminUserRow, AuditEntryView, BindingView } from '../contracts/admin';
import type { BindingDoc, UserDoc } from '../kernel/docs';
import { userView } from '../identity/session-view';

/** Stored documents → the console's wire shapes. */

export function adminUserRow(u: UserDoc): AdminUserRow {
  const row: AdminUserRow = { ...userView(u), enterpriseName: u.enterprise_name, holdsSeat: u.holds_seat };
  if (u.account_name) row.accountName = u.account_name;
  if (u.contact_name) row.contactName = u.contact_name;
  return row;
}

export function auditEntryView(d: Record<string, unknown> & { _id: string }): AuditEntryView {
  const view: AuditEntryView = { id: d._id, at: String(d['at'] ?? ''), actor: String(d['actor'] ?? ''), action: String(d['action'] ?? ''), target: String(d['target'] ?? '') };
  const details = d['details'];
  if (details && typeof details === 'object' && !Array.isArray(details)) view.details = details as Record<string, unknown>;
  return view;
}

/** Enough to recognise an identity, not enough to copy it: the middle is masked. */
export function mask(value: string): string {
  if (value.length <= 6) return value.slice(0, 1) + '***';
  const keep = Math.min(4, Math.floor(value.length / 4));
  return `${value.slice(0, keep)}***${value.slice(-keep)}`;
}

export function bindingView(b: BindingDoc): BindingView {
  const subject = b.type === 'wechat' ? b._id.split(':').slice(2).join(':') : b._id.slice(b._id.indexOf(':') + 1);
  const appid = typeof b['appid'] === 'string' ? b['appid'] : b.type === 'wechat' ? b._id.split(':')[1] : undefined;
  return { id: b._id, type: b.type, ...(appid ? { appid } : {}), label: mask(subject), createdAt: b.created_at };
}
