import type { Consent } from '../../core/contracts/registration';
import { AppError } from '../../core/kernel/app-error';
import { boolean, object, optional, scalarRecord, string, type Schema } from '../../core/kernel/schema';

const recordId = () => string({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ });

/** `{agreed: true, termsVersion}`: consent is explicit, so `agreed: false` is refused here. */
export const consent: Schema<Consent> = (() => {
  const shape = object({ agreed: boolean(), termsVersion: string({ min: 1, max: 32 }) });
  return {
    kind: 'object',
    parse(v, path) {
      const c = shape.parse(v, path);
      if (c.agreed !== true) throw new AppError('input/invalid', { field: path ? `${path}.agreed` : 'agreed', reason: 'required' });
      return { agreed: true, termsVersion: c.termsVersion };
    },
  };
})();

const fieldValues = () => scalarRecord({ maxKeys: 30, keyPattern: /^[a-z][a-z0-9_]{0,39}$/ });
const byId = object({ id: recordId() });
const byCreditCode = object({ creditCode: string({ min: 1, max: 30 }) });

/**
 * `account`: the layout's fields, or `{id}` (select-existing), or `{creditCode}` (registry). Which one is
 * decided by the keys; layout field names are snake_case, so neither `id` alone nor `creditCode` is a layout.
 */
export const accountInput: Schema<Record<string, string> | { id: string } | { creditCode: string }> = {
  kind: 'object',
  parse(v, path) {
    const keys = v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : [];
    if (keys.length === 1 && keys[0] === 'id') return byId.parse(v, path);
    if (keys.length === 1 && keys[0] === 'creditCode') return byCreditCode.parse(v, path);
    const values = fieldValues().parse(v, path);
    for (const [k, val] of Object.entries(values)) {
      if (typeof val !== 'string') throw new AppError('input/invalid', { field: `${path}.${k}`, reason: 'expected-string' });
    }
    return values as Record<string, string>;
  },
};

export const contactInput: Schema<Record<string, string>> = {
  kind: 'object',
  parse(v, path) {
    const values = fieldValues().parse(v, path);
    for (const [k, val] of Object.entries(values)) {
      if (typeof val !== 'string') throw new AppError('input/invalid', { field: `${path}.${k}`, reason: 'expected-string' });
    }
    return values as Record<string, string>;
  },
};

export const submitInput = object({
  account: accountInput,
  contact: contactInput,
  smsCode: optional(string({ min: 6, max: 6, pattern: /^\d{6}$/ })),
  confirmCandidateId: optional(recordId()),
  declinedCandidateId: optional(recordId()),
  consent,
});
