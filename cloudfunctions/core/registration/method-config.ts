import type { DuplicateCheck, FieldLayout, FieldType, MethodView, NewAccountRule, OwnerAssignment } from '../contracts/registration';
import type { AppKind } from '../contracts/domain';
import type { MethodDoc } from '../kernel/docs';

/** A layout field as stored (snake_case). */
export interface FieldDecl {
  name: string;
  label: string;
  label_en?: string;
  type: FieldType;
  required: boolean;
  options?: Array<{ value: string; label: string; label_en?: string }>;
  pattern?: string;
  max_length?: number;
}

/** The self-registration settings of a method document, every part with its default filled in. */
export interface MethodConfig {
  id: string;
  name: string;
  appId: string;
  appKind: AppKind;
  enabled: boolean;
  mode: MethodDoc['mode'];
  roleIds: string[];
  account: {
    recordType: string;
    fields: FieldDecl[];
    showOnlyRequired: boolean;
    ownerAssignment: OwnerAssignment;
    owners: string[];
    duplicateCheck: DuplicateCheck;
    newAccountRule: NewAccountRule;
  };
  contact: { recordType: string; fields: FieldDecl[] };
}

export const DEFAULT_ACCOUNT_FIELDS: FieldDecl[] = [
  { name: 'name', label: '公司名称', label_en: 'Company name', type: 'text', required: true, max_length: 100 },
  { name: 'credit_code', label: '统一社会信用代码', label_en: 'Unified social credit code', type: 'text', required: false, max_length: 18 },
  { name: 'address', label: '公司地址', label_en: 'Address', type: 'textarea', required: false, max_length: 200 },
];

export const DEFAULT_CONTACT_FIELDS: FieldDecl[] = [
  { name: 'name', label: '姓名', label_en: 'Name', type: 'text', required: true, max_length: 50 },
  { name: 'title', label: '职务', label_en: 'Job title', type: 'text', required: false, max_length: 50 },
  { name: 'email', label: '邮箱', label_en: 'Email', type: 'email', required: false, max_length: 100 },
];

/** The login mobile: always asked, always written to the Contact's `mobile1`. */
export const MOBILE_FIELD: FieldDecl = { name: 'mobile1', label: '手机号', label_en: 'Mobile', type: 'phone', required: true, max_length: 11 };

interface StoredAccountSettings {
  record_type?: string;
  fields?: FieldDecl[];
  show_only_required?: boolean;
  owner_assignment?: OwnerAssignment;
  owners?: string[];
  duplicate_check?: DuplicateCheck;
  new_account_rule?: NewAccountRule;
}

interface StoredContactSettings {
  record_type?: string;
  fields?: FieldDecl[];
}

/** Reads a stored method; documents written before a setting existed get its default. */
export function methodConfig(doc: MethodDoc): MethodConfig {
  const a = (doc['account'] ?? {}) as StoredAccountSettings;
  const c = (doc['contact'] ?? {}) as StoredContactSettings;
  return {
    id: doc._id,
    name: doc.name,
    appId: doc.app_id,
    appKind: doc['app_kind'] === 'official-account' ? 'official-account' : 'mini-program',
    enabled: doc.enabled,
    mode: doc.mode,
    roleIds: [...doc.role_ids],
    account: {
      recordType: a.record_type ?? 'customer',
      fields: a.fields?.length ? a.fields : DEFAULT_ACCOUNT_FIELDS,
      showOnlyRequired: a.show_only_required ?? false,
      ownerAssignment: a.owner_assignment ?? 'single',
      owners: a.owners ?? [],
      duplicateCheck: a.duplicate_check ?? 'exact',
      newAccountRule: a.new_account_rule ?? 'user-defined',
    },
    contact: { recordType: c.record_type ?? 'customer-contact', fields: c.fields?.length ? c.fields : DEFAULT_CONTACT_FIELDS },
  };
}

export function fieldDeclToLayout(f: FieldDecl): FieldLayout {
  const out: FieldLayout = { name: f.name, label: f.label, type: f.type, required: f.required };
  if (f.label_en) out.labelEn = f.label_en;
  if (f.options) out.options = f.options.map((o) => (o.label_en ? { value: o.value, label: o.label, labelEn: o.label_en } : { value: o.value, label: o.label }));
  if (f.pattern) out.pattern = f.pattern;
  if (f.max_length) out.maxLength = f.max_length;
  return out;
}

export function layoutToFieldDecl(f: FieldLayout): FieldDecl {
  const out: FieldDecl = { name: f.name, label: f.label, type: f.type, required: f.required };
  if (f.labelEn) out.label_en = f.labelEn;
  if (f.options) out.options = f.options.map((o) => (o.labelEn ? { value: o.value, label: o.label, label_en: o.labelEn } : { value: o.value, label: o.label }));
  if (f.pattern) out.pattern = f.pattern;
  if (f.maxLength) out.max_length = f.maxLength;
  return out;
}

export function methodView(doc: MethodDoc): MethodView {
  const m = methodConfig(doc);
  const view: MethodView = {
    id: m.id,
    name: m.name,
    appId: m.appId,
    appKind: m.appKind,
    enabled: m.enabled,
    mode: m.mode,
    roleIds: m.roleIds,
    account: { ...m.account, fields: m.account.fields.map(fieldDeclToLayout), owners: [...m.account.owners] },
    contact: { recordType: m.contact.recordType, fields: m.contact.fields.map(fieldDeclToLayout) },
    createdAt: doc.created_at,
  };
  if (typeof doc['updated_at'] === 'string') view.updatedAt = doc['updated_at'];
  return view;
}

/** The layout the registrant sees: only required fields when the method says so. */
export function visibleFields(fields: FieldDecl[], showOnlyRequired: boolean): FieldDecl[] {
  return showOnlyRequired ? fields.filter((f) => f.required) : fields;
}
