import type { Deps, StoreTx } from '../ports';
import { isoNow } from '../kernel/time';

export type Actor = `user:${string}` | `admin:${string}` | 'system' | `wechat:${string}`;

export interface AuditEntry {
  actor: Actor;
  action: string;
  target: string;
  details?: Record<string, unknown>;
}

/** Audit entries are written inside the same transaction as the change they describe. */
export async function auditInTx(deps: Deps, tx: StoreTx, entry: AuditEntry): Promise<void> {
  await tx.insert('audit_log', { _id: deps.crypto.randomId('aud'), at: isoNow(deps.clock), ...entry });
}

export async function audit(deps: Deps, entry: AuditEntry): Promise<void> {
  await deps.store.insert('audit_log', { _id: deps.crypto.randomId('aud'), at: isoNow(deps.clock), ...entry });
}
