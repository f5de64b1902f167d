import type { AppKind, MethodAccountSettings, MethodContactSettings, MethodView, RegistrationMode } from '../../contracts';
import { layoutProblems } from './FieldLayoutEditor';
import { newMethodInput } from './defaults';

/** Every field of a method (DESIGN §2.3), as the editor holds it. */
export interface MethodDraft {
  name: string;
  appId: string;
  appKind: AppKind;
  enabled: boolean;
  mode: RegistrationMode;
  roleIds: string[];
  account: MethodAccountSettings;
  contact: MethodContactSettings;
}

export function draftOf(method: MethodView | null, defaultRoleIds: string[]): MethodDraft {
  if (method) {
    const { name, appId, appKind, enabled, mode, roleIds, account, contact } = method;
    return { name, appId, appKind, enabled, mode, roleIds, account, contact };
  }
  const fresh = newMethodInput(defaultRoleIds);
  return { ...fresh, appKind: 'mini-program', account: fresh.account as MethodAccountSettings, contact: fresh.contact as MethodContactSettings };
}

export type DraftProblem = 'methods.problem.name' | 'methods.problem.appId' | 'methods.problem.owners' | 'methods.problem.accountFields' | 'methods.problem.contactFields';

/** Why the draft cannot be saved yet (the server would refuse it with `input/invalid`). */
export function draftProblems(d: MethodDraft): DraftProblem[] {
  const out: DraftProblem[] = [];
  if (!d.name.trim()) out.push('methods.problem.name');
  if (!d.appId.trim()) out.push('methods.problem.appId');
  if (d.account.ownerAssignment === 'round-robin' && d.account.owners.length === 0) out.push('methods.problem.owners');
  if (d.account.fields.length === 0 || layoutProblems(d.account.fields).size > 0) out.push('methods.problem.accountFields');
  if (d.contact.fields.length === 0 || layoutProblems(d.contact.fields).size > 0) out.push('methods.problem.contactFields');
  return out;
}

/** The draft as `methods.create` / `methods.update` take it (names trimmed). */
export function inputOf(d: MethodDraft) {
  const trimFields = (fields: MethodAccountSettings['fields']) => fields.map((f) => ({ ...f, name: f.name.trim(), label: f.label.trim() }));
  return {
    name: d.name.trim(),
    appId: d.appId.trim(),
    appKind: d.appKind,
    enabled: d.enabled,
    mode: d.mode,
    roleIds: d.roleIds,
    account: { ...d.account, recordType: d.account.recordType.trim() || 'customer', fields: trimFields(d.account.fields) },
    contact: { ...d.contact, recordType: d.contact.recordType.trim() || 'customer-contact', fields: trimFields(d.contact.fields) },
  };
}
