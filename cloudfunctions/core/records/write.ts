import type { ObjectName, RecordView } from '../contracts/domain';
import type { Deps, Doc, Patch } from '../ports';
import { AppError } from '../kernel/app-error';
import { isoNow } from '../kernel/time';
import { auditInTx } from '../audit/audit';
import { retryOnConflict } from '../identity/retry';
import type { Principal } from '../identity/principal';
import { ownershipFor, requireScope } from './access';
import { branchesFor, viewer } from './records';
import { RECORD_SPECS } from './registry';
import { findOneInScope } from './scoped';
import { spendGuestCreateBudget } from './guest-budget';

/**
 * Creates a record. Any create scope but `none` allows it; the record always belongs to the caller
 * (their user, Enterprise, Account, Contact — the shared Guest record for guests). Record and audit
 * entry land in one transaction.
 */
export async function createRecord(deps: Deps, principal: Principal, object: ObjectName, input: unknown, ip?: string): Promise<RecordView> {
  requireScope(principal, object, 'create');
  const spec = RECORD_SPECS[object];
  const owner = await ownershipFor(deps, principal, object);
  const fields = await spec.build({ deps, principal }, input);
  // last before the write: a create refused for any other reason costs the guest nothing
  if (principal.kind === 'guest') await spendGuestCreateBudget(deps, principal.caller, ip);
  const now = isoNow(deps.clock);
  // Ownership last: nothing a spec builds can overwrite it.
  const doc: Doc = { _id: deps.crypto.randomId(spec.idPrefix), ...fields, ...owner, created_at: now, updated_at: now, rev: 1 };
  await retryOnConflict(() =>
    deps.store.transaction(async (tx) => {
      await tx.insert(spec.collection, doc);
      await auditInTx(deps, tx, { actor: `user:${owner.created_by}`, action: `${object}.created`, target: doc._id, details: { appid: principal.caller.appid } });
    }),
  );
  return viewer(principal, object)(doc);
}

const MAX_UPDATE_ATTEMPTS = 3;

/** Changes → store patch: `undefined` means "remove the field" (e.g. a detached device). */
function patchOf(changes: Record<string, unknown>, meta: Record<string, unknown>): Patch {
  const set: Record<string, unknown> = { ...meta };
  const unset: string[] = [];
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) unset.push(k);
    else set[k] = v;
  }
  return unset.length ? { set, unset } : { set };
}

/**
 * Updates a record the caller's update scope reaches. The record is found through the scope (out of
 * scope answers `records/not-found`, like a guessed id); the spec validates the change against the
 * state it saw; the write then happens only if the record is still at that revision — otherwise the
 * whole thing is re-run on fresh data, so a concurrent cancel cannot be overwritten by a stale edit.
 */
export async function updateRecord(deps: Deps, principal: Principal, object: ObjectName, id: string, input: unknown): Promise<RecordView> {
  const branches = branchesFor(principal, object, 'update');
  const spec = RECORD_SPECS[object];
  const actor = principal.user?._id ?? 'unknown';
  for (let attempt = 1; attempt <= MAX_UPDATE_ATTEMPTS; attempt++) {
    const current = await findOneInScope(deps, spec.collection, branches, id);
    if (!current) throw new AppError('records/not-found', { object });
    const changes = await spec.changes({ deps, principal }, current, input);
    if (Object.keys(changes).length === 0) return viewer(principal, object)(current);
    const rev = typeof current['rev'] === 'number' ? current['rev'] : 0;
    const meta = { updated_at: isoNow(deps.clock), updated_by: actor, rev: rev + 1 };
    const written = await retryOnConflict(() =>
      deps.store.transaction(async (tx) => {
        const fresh = await tx.get(spec.collection, id);
        if (!fresh || (typeof fresh['rev'] === 'number' ? fresh['rev'] : 0) !== rev) return false;
        await tx.update(spec.collection, id, patchOf(changes, meta));
        await auditInTx(deps, tx, { actor: `user:${actor}`, action: `${object}.updated`, target: id, details: { fields: Object.keys(changes), ...statusChange(current, changes) } });
        return true;
      }),
    );
    if (written) {
      const next: Doc = { ...current, ...meta };
      for (const [k, v] of Object.entries(changes)) {
        if (v === undefined) delete next[k];
        else next[k] = v;
      }
      return viewer(principal, object)(next);
    }
  }
  throw new AppError('conflict/concurrent-update', { object });
}

function statusChange(current: Doc, changes: Record<string, unknown>): Record<string, unknown> {
  return typeof changes['status'] === 'string' ? { from: current['status'], to: changes['status'] } : {};
}
