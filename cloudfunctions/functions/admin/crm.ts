import { object, optional, string } from '../../core/kernel/schema';
import { createAccount, listAccounts, updateAccount } from '../../core/admin/accounts';
import { createContact, listContacts, updateContact } from '../../core/admin/contacts';
import { MOBILE_CN } from '../../core/sms/codes';
import type { ActionTable } from '../shared/dispatch';
import { asAdmin } from './as-admin';
import { cursor, docId, limit, query } from './ids';

const name = () => string({ min: 1, max: 100 });
const label = () => optional(string({ max: 64 }));
/** 18 characters once spaces and dashes are gone; the alphabet and check digit are judged in core */
const creditCode = () => optional(string({ max: 24 }));
const mobile = () => optional(string({ pattern: MOBILE_CN, max: 11 }));

/** CRM Accounts and Contacts in the console. */
export const crmActions = {
  'accounts.list': asAdmin(object({ query: query(), cursor: cursor(), limit: limit() }), (ctx, admin, input) => listAccounts(ctx.deps, admin, input)),
  'accounts.create': asAdmin(object({ name: name(), recordType: label(), owner: label(), creditCode: creditCode() }), (ctx, admin, input) =>
    createAccount(ctx.deps, admin, input),
  ),
  'accounts.update': asAdmin(object({ id: docId(), name: optional(name()), recordType: label(), owner: label(), creditCode: creditCode() }), (ctx, admin, input) =>
    updateAccount(ctx.deps, admin, input),
  ),
  'contacts.list': asAdmin(object({ accountId: optional(docId()), query: query(), cursor: cursor(), limit: limit() }), (ctx, admin, input) =>
    listContacts(ctx.deps, admin, input),
  ),
  'contacts.create': asAdmin(object({ accountId: docId(), name: name(), mobile1: mobile(), recordType: label(), owner: label() }), (ctx, admin, input) =>
    createContact(ctx.deps, admin, input),
  ),
  'contacts.update': asAdmin(object({ id: docId(), name: optional(name()), mobile1: mobile(), recordType: label(), owner: label() }), (ctx, admin, input) =>
    updateContact(ctx.deps, admin, input),
  ),
} satisfies ActionTable;
