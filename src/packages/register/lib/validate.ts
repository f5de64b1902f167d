import type { Field } from '../../../services/contracts';

import { fill, type RegisterText } from './text';

import { MOBILE_CN as MOBILE } from '../../../services/mobile';

export { MOBILE };
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{1,63}$/;
const NUMBER = /^-?\d{1,15}(\.\d{1,6})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The same checks the server makes (it makes them again: this only spares a round trip and says what is
 * wrong next to the field).
 */
export function fieldError(f: Field, raw: string | undefined, t: RegisterText): string | null {
  const v = (raw ?? '').trim();
  const label = f.label;
  if (!v) return f.required ? fill(f.type === 'select' || f.type === 'date' ? t.errors.choose : t.errors.required, { label }) : null;
  if (f.maxLength && v.length > f.maxLength) return fill(t.errors.tooLong, { label, max: f.maxLength });
  if (f.type === 'phone' && !MOBILE.test(v)) return t.errors.phone;
  if (f.type === 'email' && !EMAIL.test(v)) return t.errors.email;
  if (f.type === 'number' && !NUMBER.test(v)) return t.errors.number;
  if (f.type === 'date' && (!DATE.test(v) || Number.isNaN(Date.parse(v)))) return t.errors.date;
  if (f.type === 'select' && !f.options?.some((o) => o.value === v)) return fill(t.errors.choose, { label });
  if (f.pattern) {
    try {
      if (!new RegExp(`^(?:${f.pattern})$`, 'u').test(v)) return fill(t.errors.pattern, { label });
    } catch {
      // a pattern this client cannot compile is left to the server
    }
  }
  return null;
}

/** Errors by `section.field` for every field of a section. */
export function sectionErrors(section: 'account' | 'contact', fields: Field[], values: Record<string, string>, t: RegisterText): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const e = fieldError(f, values[f.name], t);
    if (e) out[`${section}.${f.name}`] = e;
  }
  return out;
}

/** The filled-in values only (trimmed): empty optional fields are not sent. */
export function filled(values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (v.trim()) out[k] = v.trim();
  return out;
}
