import type { ObjectName, Page, PermissionAction, RecordView } from '../contracts/domain';
import type { Deps, Doc, Scalar, Where } from '../ports';
import { AppError } from '../kernel/app-error';
import type { Principal } from '../identity/principal';
import { decodeCursor, encodeCursor } from './cursor';
import { RECORD_SPECS } from './registry';
import { readBranches, writeBranches } from './scope';
import { findInScope, findOneInScope } from './scoped';
import { matchesAny, type AnySpec } from './spec';
import { requireScope } from './access';

export const DEFAULT_PAGE_SIZE = 20;

export interface ListOptions {
  object: ObjectName;
  filter?: Record<string, Scalar>;
  cursor?: string;
  limit?: number;
}

/** The branches of what the caller may do (scope.ts); `access/denied`/registration answers first. */
export function branchesFor(principal: Principal, object: ObjectName, action: PermissionAction): Where[] {
  requireScope(principal, object, action);
  const publicFlag = RECORD_SPECS[object].publicFlag;
  return action === 'read' ? readBranches(principal, object, publicFlag) : writeBranches(principal, object);
}

/** Wire filters → stored equality conditions, only over the fields a spec declares. */
export function filterWhere(spec: AnySpec, filter: Record<string, Scalar> | undefined): Where {
  const where: Where = {};
  for (const [key, value] of Object.entries(filter ?? {})) {
    const decl = Object.prototype.hasOwnProperty.call(spec.filters, key) ? spec.filters[key] : undefined;
    if (!decl) throw new AppError('input/invalid', { field: `filter.${key}`, reason: 'unknown-key' });
    where[decl.field] = decl.schema.parse(value, `filter.${key}`);
  }
  return where;
}

/** Views for this caller: `canUpdate` says whether their update scope reaches the (already read) record. */
export function viewer(principal: Principal, object: ObjectName): (doc: Doc) => RecordView {
  const spec = RECORD_SPECS[object];
  const updatable = writeBranches(principal, object);
  const callerId = principal.kind === 'guest' ? undefined : principal.user?._id;
  return (doc) => spec.view(doc, { canUpdate: matchesAny(doc, updatable), callerId }) as RecordView;
}

/** Newest first by id (ids are time-ordered); one extra row tells whether another page exists. */
export async function listRecords(deps: Deps, principal: Principal, opts: ListOptions): Promise<Page<RecordView>> {
  const spec = RECORD_SPECS[opts.object];
  const branches = branchesFor(principal, opts.object, 'read');
  const where = filterWhere(spec, opts.filter);
  const limit = opts.limit ?? DEFAULT_PAGE_SIZE;
  const before = opts.cursor ? decodeCursor(opts.cursor) : undefined;
  const docs = await findInScope(deps, spec.collection, branches, { where, before, limit: limit + 1 });
  const items = docs.slice(0, limit).map(viewer(principal, opts.object));
  return docs.length > limit ? { items, nextCursor: encodeCursor(docs[limit - 1]._id) } : { items };
}

/** Out of scope and non-existent are the same `records/not-found`, so ids cannot be probed. */
export async function getRecord(deps: Deps, principal: Principal, object: ObjectName, id: string): Promise<RecordView> {
  const doc = await findOneInScope(deps, RECORD_SPECS[object].collection, branchesFor(principal, object, 'read'), id);
  if (!doc) throw new AppError('records/not-found', { object });
  return viewer(principal, object)(doc);
}
