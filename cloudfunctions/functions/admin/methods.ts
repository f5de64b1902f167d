import type { FieldLayout } from '../../core/contracts/registration';
import { array, boolean, int, literal, object, optional, string, type Schema } from '../../core/kernel/schema';
import { requireAdmin } from '../../core/admin/permissions';
import { createMethod, deleteMethod, listMethods, updateMethod } from '../../core/registration/method-admin';
import type { ActionTable } from '../shared/dispatch';
import { asAdmin } from './as-admin';

const methodId = () => string({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ });
const label = () => string({ min: 1, max: 40 });

const option = object({ value: string({ min: 1, max: 100 }), label: label(), labelEn: optional(label()) });
const field: Schema<FieldLayout> = object({
  name: string({ min: 1, max: 40 }),
  label: label(),
  labelEn: optional(label()),
  type: literal('text', 'phone', 'select', 'textarea', 'date', 'email', 'number'),
  required: boolean(),
  options: optional(array(option, { min: 1, max: 50 })),
  pattern: optional(string({ min: 1, max: 200, trim: false })),
  maxLength: optional(int({ min: 1, max: 1000 })),
});
const layout = () => optional(array(field, { min: 1, max: 30 }));

const account = object({
  recordType: optional(string({ min: 1, max: 40 })),
  fields: layout(),
  showOnlyRequired: optional(boolean()),
  ownerAssignment: optional(literal('single', 'round-robin')),
  owners: optional(array(string({ min: 1, max: 64 }), { max: 50 })),
  duplicateCheck: optional(literal('exact', 'fuzzy')),
  newAccountRule: optional(literal('user-defined', 'select-existing', 'registry')),
});
const contact = object({ recordType: optional(string({ min: 1, max: 40 })), fields: layout() });

const parts = {
  name: string({ min: 1, max: 40 }),
  appId: string({ min: 1, max: 32 }),
  appKind: optional(literal('mini-program', 'official-account')),
  enabled: optional(boolean()),
  mode: literal('openid-auto', 'form'),
  roleIds: optional(array(methodId(), { max: 20 })),
  account: optional(account),
  contact: optional(contact),
};

/** Self-registration methods: part of the portal's settings, so the settings permissions guard them. */
export const methodsActions = {
  'methods.list': asAdmin(object({}), async (ctx, admin) => {
    requireAdmin(admin, 'settings.read');
    return listMethods(ctx.deps);
  }),
  'methods.create': asAdmin(object(parts), async (ctx, admin, input) => {
    requireAdmin(admin, 'settings.update');
    return createMethod(ctx.deps, admin, input);
  }),
  'methods.update': asAdmin(
    object({ id: methodId(), name: optional(parts.name), appId: optional(parts.appId), appKind: parts.appKind, enabled: parts.enabled, mode: optional(parts.mode), roleIds: parts.roleIds, account: parts.account, contact: parts.contact }),
    async (ctx, admin, input) => {
      requireAdmin(admin, 'settings.update');
      return updateMethod(ctx.deps, admin, input);
    },
  ),
  'methods.delete': asAdmin(object({ id: methodId() }), async (ctx, admin, input) => {
    requireAdmin(admin, 'settings.update');
    return deleteMethod(ctx.deps, admin, input.id);
  }),
} satisfies ActionTable;
