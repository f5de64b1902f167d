import type { FieldLayout, MethodAccountSettings, MethodContactSettings, MethodInput, MethodPatch, MethodView } from '../contracts/registration';
import type { Deps } from '../ports';
import type { AdminDoc, MethodDoc } from '../kernel/docs';
import { AppError } from '../kernel/app-error';
import { isoNow } from '../kernel/time';
import { auditInTx } from '../audit/audit';
import { allRoles } from '../access/permissions';
import { GUEST_ROLE_ID } from '../access/builtin-roles';
import { retryOnConflict } from '../identity/retry';
import { layoutToFieldDecl, methodView, type FieldDecl } from './method-config';
import { invalidateMethods } from './methods';

export const APP_ID = /^wx[A-Za-z0-9]{6,30}$/;
export const FIELD_NAME = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * Names a layout may not use: they are the system's own fields on Accounts and Contacts (or the
 * registration's), and a form value must never overwrite them.
 */
const RESERVED = new Set([
  'id', '_id', 'account_id', 'contact_id', 'owner', 'record_type', 'source', 'method_id', 'created_at', 'updated_at', 'created_by',
  'name_key', 'name_core', 'name_region', 'name_branch', 'name_canon', 'merged_into', 'merging_into', 'needs_review', 'review_reasons', 'possible_duplicate_of', 'status',
  'public', 'mobile1', 'enterprise_id', 'user_id', 'rev', 'kind', 'credit_code_valid',
]);

const bad = (field: string, reason: string): never => {
  throw new AppError('input/invalid', { field, reason });
};

function checkLayout(fields: FieldLayout[], section: 'account' | 'contact'): FieldDecl[] {
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    const at = `${section}.fields[${i}]`;
    if (!FIELD_NAME.test(f.name)) bad(`${at}.name`, 'pattern');
    if (RESERVED.has(f.name)) bad(`${at}.name`, 'reserved');
    if (f.name === 'credit_code' && section === 'contact') bad(`${at}.name`, 'reserved');
    if (seen.has(f.name)) bad(`${at}.name`, 'duplicate');
    seen.add(f.name);
    if (f.type === 'select') {
      if (!f.options?.length) bad(`${at}.options`, 'required');
      if (new Set(f.options!.map((o) => o.value)).size !== f.options!.length) bad(`${at}.options`, 'duplicate');
    } else if (f.options) bad(`${at}.options`, 'not-allowed');
    if (f.pattern) {
      try {
        new RegExp(f.pattern, 'u');
      } catch {
        bad(`${at}.pattern`, 'invalid-regexp');
      }
    }
  });
  const name = fields.find((f) => f.name === 'name');
  if (!name || !name.required || name.type !== 'text') bad(`${section}.fields`, 'name-required');
  const code = fields.find((f) => f.name === 'credit_code');
  if (code && code.type !== 'text') bad(`${section}.fields`, 'credit-code-text');
  return fields.map(layoutToFieldDecl);
}

async function checkRoles(deps: Deps, roleIds: string[]): Promise<void> {
  const known = new Set((await allRoles(deps)).map((r) => r._id));
  for (const id of roleIds) {
    if (id === GUEST_ROLE_ID) bad('roleIds', 'guest-role');
    if (!known.has(id)) throw new AppError('roles/not-found', { roleId: id });
  }
}

function storedAccount(a: MethodAccountSettings): Record<string, unknown> {
  if (a.ownerAssignment === 'single' && a.owners.length > 1) bad('account.owners', 'single-owner');
  if (a.ownerAssignment === 'round-robin' && a.owners.length < 1) bad('account.owners', 'required');
  if (new Set(a.owners).size !== a.owners.length) bad('account.owners', 'duplicate');
  return {
    record_type: a.recordType,
    fields: checkLayout(a.fields, 'account'),
    show_only_required: a.showOnlyRequired,
    owner_assignment: a.ownerAssignment,
    owners: [...a.owners],
    duplicate_check: a.duplicateCheck,
    new_account_rule: a.newAccountRule,
  };
}

function storedContact(c: MethodContactSettings): Record<string, unknown> {
  return { record_type: c.recordType, fields: checkLayout(c.fields, 'contact') };
}

/** One enabled method per mini program: the caller's app id must pick exactly one. */
async function checkAppFree(deps: Deps, appId: string, enabled: boolean, selfId: string | null): Promise<void> {
  if (!enabled) return;
  const others = await deps.store.find<MethodDoc>('methods', { where: { app_id: appId, enabled: true }, limit: 2 });
  if (others.some((m) => m._id !== selfId)) bad('appId', 'app-has-enabled-method');
}

/** Builds the stored document from a complete view (defaults filled by `methodConfig`). */
async function toDoc(deps: Deps, view: MethodView, base: { _id: string; created_at: string }, now: string): Promise<MethodDoc> {
  if (!APP_ID.test(view.appId)) bad('appId', 'pattern');
  await checkRoles(deps, view.roleIds);
  return {
    _id: base._id,
    name: view.name,
    app_id: view.appId,
    app_kind: view.appKind,
    enabled: view.enabled,
    mode: view.mode,
    role_ids: [...new Set(view.roleIds)],
    account: storedAccount(view.account),
    contact: storedContact(view.contact),
    created_at: base.created_at,
    updated_at: now,
  };
}

const blank = (now: string): MethodView => methodView({ _id: '', name: '', app_id: '', enabled: true, mode: 'form', role_ids: [], created_at: now } satisfies MethodDoc);

function merged(view: MethodView, patch: Partial<MethodInput>): MethodView {
  return {
    ...view,
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.appId !== undefined ? { appId: patch.appId } : {}),
    ...(patch.appKind !== undefined ? { appKind: patch.appKind } : {}),
    ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
    ...(patch.mode !== undefined ? { mode: patch.mode } : {}),
    ...(patch.roleIds !== undefined ? { roleIds: patch.roleIds } : {}),
    account: { ...view.account, ...(patch.account ?? {}) },
    contact: { ...view.contact, ...(patch.contact ?? {}) },
  };
}

export async function listMethods(deps: Deps): Promise<{ items: MethodView[] }> {
  const docs = await deps.store.find<MethodDoc>('methods', { orderBy: [['_id', 'asc']], limit: 200 });
  return { items: docs.map(methodView) };
}

export async function createMethod(deps: Deps, admin: AdminDoc, input: MethodInput): Promise<MethodView> {
  const now = isoNow(deps.clock);
  const view = merged(blank(now), input);
  const doc = await toDoc(deps, view, { _id: deps.crypto.randomId('mth'), created_at: now }, now);
  await checkAppFree(deps, doc.app_id, doc.enabled, null);
  await deps.store.transaction(async (tx) => {
    await tx.insert('methods', doc);
    await auditInTx(deps, tx, { actor: `admin:${admin._id}`, action: 'methods.created', target: doc._id, details: { appId: doc.app_id, mode: doc.mode } });
  });
  invalidateMethods(deps);
  return methodView(doc);
}

export async function updateMethod(deps: Deps, admin: AdminDoc, patch: MethodPatch): Promise<MethodView> {
  const doc = await retryOnConflict(async () => {
    const current = await deps.store.get<MethodDoc>('methods', patch.id);
    if (!current) throw new AppError('registration/method-not-found');
    const now = isoNow(deps.clock);
    const next = await toDoc(deps, merged(methodView(current), patch), { _id: current._id, created_at: current.created_at }, now);
    await checkAppFree(deps, next.app_id, next.enabled, current._id);
    await deps.store.transaction(async (tx) => {
      // Replace only the version read above: a concurrent edit makes this one start over.
      const still = await tx.get<MethodDoc>('methods', current._id);
      if (!still || still['updated_at'] !== current['updated_at']) throw new AppError('conflict/concurrent-update');
      await tx.set('methods', next);
      await auditInTx(deps, tx, { actor: `admin:${admin._id}`, action: 'methods.updated', target: next._id, details: { fields: Object.keys(patch).filter((k) => k !== 'id') } });
    });
    return next;
  });
  invalidateMethods(deps);
  return methodView(doc);
}

export async function deleteMethod(deps: Deps, admin: AdminDoc, id: string): Promise<{ id: string }> {
  await deps.store.transaction(async (tx) => {
    const current = await tx.get<MethodDoc>('methods', id);
    if (!current) throw new AppError('registration/method-not-found');
    await tx.remove('methods', id);
    // Users keep `method_id`: it records how they joined.
    await auditInTx(deps, tx, { actor: `admin:${admin._id}`, action: 'methods.deleted', target: id, details: { appId: current.app_id, name: current.name } });
  });
  invalidateMethods(deps);
  return { id };
}
