import type { Locale } from '../contracts/envelope';
import type { Field } from '../contracts/registration';
import { AppError } from '../kernel/app-error';
import { MOBILE_CN } from '../sms/codes';
import type { FieldDecl } from './method-config';

const DEFAULT_MAX: Record<FieldDecl['type'], number> = { text: 100, phone: 11, select: 100, textarea: 500, date: 10, email: 100, number: 20 };
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{1,63}$/;
const NUMBER = /^-?\d{1,15}(\.\d{1,6})?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function fieldForCaller(f: FieldDecl, locale: Locale): Field {
  const out: Field = { name: f.name, label: (locale === 'en' && f.label_en) || f.label, type: f.type, required: f.required, maxLength: f.max_length ?? DEFAULT_MAX[f.type] };
  if (f.options) out.options = f.options.map((o) => ({ value: o.value, label: (locale === 'en' && o.label_en) || o.label }));
  if (f.pattern) out.pattern = f.pattern;
  return out;
}

function validDate(v: string): boolean {
  const m = DATE.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function reasonFor(f: FieldDecl, v: string): string | null {
  if (v.length > (f.max_length ?? DEFAULT_MAX[f.type])) return 'too-long';
  switch (f.type) {
    case 'phone':
      if (!MOBILE_CN.test(v)) return 'pattern';
      break;
    case 'email':
      if (!EMAIL.test(v)) return 'pattern';
      break;
    case 'number':
      if (!NUMBER.test(v)) return 'pattern';
      break;
    case 'date':
      if (!validDate(v)) return 'pattern';
      break;
    case 'select':
      if (!f.options?.some((o) => o.value === v)) return 'not-allowed';
      break;
    default:
      break;
  }
  // Admin-written patterns are compiled per check; they were validated (and length-capped) when saved.
  if (f.pattern && !new RegExp(`^(?:${f.pattern})$`, 'u').test(v)) return 'pattern';
  return null;
}

/**
 * Checks submitted values against a layout: no undeclared field, every required one present, each of its
 * type (and pattern). Answers the trimmed values, empty optional ones left out. `section` prefixes the
 * field named in `input/invalid` (e.g. `contact.email`).
 */
export function validateFieldValues(layout: FieldDecl[], values: Record<string, unknown>, section: string): Record<string, string> {
  const byName = new Map(layout.map((f) => [f.name, f]));
  for (const key of Object.keys(values)) {
    if (!byName.has(key)) throw new AppError('input/invalid', { field: `${section}.${key}`, reason: 'unknown-key' });
  }
  const out: Record<string, string> = {};
  for (const f of layout) {
    const raw = values[f.name];
    if (raw !== undefined && typeof raw !== 'string') throw new AppError('input/invalid', { field: `${section}.${f.name}`, reason: 'expected-string' });
    const v = (raw ?? '').trim();
    if (!v) {
      if (f.required) throw new AppError('input/invalid', { field: `${section}.${f.name}`, reason: 'required' });
      continue;
    }
    const reason = reasonFor(f, v);
    if (reason) throw new AppError('input/invalid', { field: `${section}.${f.name}`, reason });
    out[f.name] = v;
  }
  return out;
}
