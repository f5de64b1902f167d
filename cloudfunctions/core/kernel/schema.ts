import { AppError } from './app-error';

/**
 * A small strict validator. Every action declares its input with it: unknown keys, operator-looking
 * keys (`$ne`), prototype keys and values of the wrong type are all `input/invalid`, so nothing a client
 * sends can reach the store except the plain values a schema let through.
 */
export interface Schema<T> {
  readonly kind: string;
  parse(value: unknown, path: string): T;
  readonly optional?: boolean;
  /** what the schema accepts, for tools that generate inputs (the fuzz suite); never read by parse */
  readonly describe?: { shape?: Record<string, Schema<unknown>>; item?: Schema<unknown>; values?: readonly string[]; min?: number; max?: number };
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function fail(path: string, reason: string): never {
  throw new AppError('input/invalid', { field: path || '(root)', reason });
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * What a string may contain besides printable text:
 * - `line` (names, labels, ids): no control characters (C0, DEL, C1), no line or paragraph separators,
 *   and no bidirectional overrides, isolates or marks (U+202A–E, U+2066–9, U+200E/F, U+061C), which
 *   make a name display as something else (`‮gpj.exe` shows as `exe.jpg`);
 * - `multiline` (descriptions, bodies): the same, but line breaks (\n, \r) and tabs are kept;
 * - `any`: anything (passwords, which are only ever hashed).
 * Without `text`, long fields (over 300 characters) are free text and short ones are single lines.
 */
export type TextKind = 'line' | 'multiline' | 'any';

export interface StringOpts {
  min?: number;
  max?: number;
  pattern?: RegExp;
  trim?: boolean;
  text?: TextKind;
}

const BIDI_AND_CONTROLS = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const BIDI_AND_CONTROLS_BUT_BREAKS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

/** Whether `s` holds a character that `text` refuses (exported for validators that do not use `string()`). */
export function hasForbiddenCharacters(s: string, text: TextKind): boolean {
  if (text === 'any') return false;
  return (text === 'line' ? BIDI_AND_CONTROLS : BIDI_AND_CONTROLS_BUT_BREAKS).test(s);
}

export function string(opts: StringOpts = {}): Schema<string> {
  const max = opts.max ?? 200;
  const text = opts.text ?? (max > 300 ? 'multiline' : 'line');
  return {
    kind: 'string',
    describe: { min: opts.min, max },
    parse(v, path) {
      if (typeof v !== 'string') fail(path, 'expected-string');
      const s = opts.trim === false ? v : v.trim();
      if (s.length < (opts.min ?? 0)) fail(path, 'too-short');
      if (s.length > max) fail(path, 'too-long');
      if (hasForbiddenCharacters(s, text)) fail(path, 'control-character');
      if (opts.pattern && !opts.pattern.test(s)) fail(path, 'pattern');
      return s;
    },
  };
}

export function int(opts: { min?: number; max?: number } = {}): Schema<number> {
  return {
    kind: 'int',
    parse(v, path) {
      if (typeof v !== 'number' || !Number.isInteger(v)) fail(path, 'expected-integer');
      if (opts.min !== undefined && v < opts.min) fail(path, 'too-small');
      if (opts.max !== undefined && v > opts.max) fail(path, 'too-large');
      return v;
    },
  };
}

export function number(opts: { min?: number; max?: number } = {}): Schema<number> {
  return {
    kind: 'number',
    parse(v, path) {
      if (typeof v !== 'number' || !Number.isFinite(v)) fail(path, 'expected-number');
      if (opts.min !== undefined && v < opts.min) fail(path, 'too-small');
      if (opts.max !== undefined && v > opts.max) fail(path, 'too-large');
      return v;
    },
  };
}

export function boolean(): Schema<boolean> {
  return {
    kind: 'boolean',
    parse(v, path) {
      if (typeof v !== 'boolean') fail(path, 'expected-boolean');
      return v;
    },
  };
}

export function literal<T extends string>(...values: readonly T[]): Schema<T> {
  return {
    kind: 'enum',
    describe: { values },
    parse(v, path) {
      if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) fail(path, 'not-allowed');
      return v as T;
    },
  };
}

export function optional<T>(inner: Schema<T>): Schema<T | undefined> {
  return {
    kind: inner.kind,
    optional: true,
    describe: inner.describe,
    parse(v, path) {
      return v === undefined ? undefined : inner.parse(v, path);
    },
  };
}

export function array<T>(item: Schema<T>, opts: { min?: number; max?: number } = {}): Schema<T[]> {
  return {
    kind: 'array',
    describe: { item, min: opts.min, max: opts.max },
    parse(v, path) {
      if (!Array.isArray(v)) fail(path, 'expected-array');
      if (v.length < (opts.min ?? 0)) fail(path, 'too-few');
      if (v.length > (opts.max ?? 100)) fail(path, 'too-many');
      return v.map((x, i) => item.parse(x, `${path}[${i}]`));
    },
  };
}

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends Infer<S[K]> ? K : never }[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;
export type ObjectOf<S extends Shape> = { [K in RequiredKeys<S>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> };

/** A closed object: every key must be declared. */
export function object<S extends Shape>(shape: S): Schema<ObjectOf<S>> {
  return {
    kind: 'object',
    describe: { shape },
    parse(v, path) {
      if (!isPlainObject(v)) fail(path, 'expected-object');
      for (const key of Object.keys(v)) {
        if (FORBIDDEN_KEYS.has(key)) fail(path ? `${path}.${key}` : key, 'forbidden-key');
        if (!Object.prototype.hasOwnProperty.call(shape, key)) fail(path ? `${path}.${key}` : key, 'unknown-key');
      }
      const out: Record<string, unknown> = Object.create(null);
      for (const [key, schema] of Object.entries(shape)) {
        const child = path ? `${path}.${key}` : key;
        const raw = v[key];
        if (raw === undefined && !schema.optional) fail(child, 'required');
        const parsed = schema.parse(raw, child);
        if (parsed !== undefined) out[key] = parsed;
      }
      return { ...out } as ObjectOf<S>;
    },
  };
}

/** A map of plain scalar values with safe keys (e.g. a filter); never nested, never operators. */
export function scalarRecord(opts: { maxKeys?: number; keyPattern?: RegExp } = {}): Schema<Record<string, string | number | boolean>> {
  const keyPattern = opts.keyPattern ?? /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
  return {
    kind: 'record',
    parse(v, path) {
      if (!isPlainObject(v)) fail(path, 'expected-object');
      const keys = Object.keys(v);
      if (keys.length > (opts.maxKeys ?? 10)) fail(path, 'too-many');
      const out: Record<string, string | number | boolean> = {};
      for (const key of keys) {
        const child = path ? `${path}.${key}` : key;
        if (FORBIDDEN_KEYS.has(key) || !keyPattern.test(key)) fail(child, 'forbidden-key');
        const val = v[key];
        if (typeof val === 'string') {
          if (val.length > 200) fail(child, 'too-long');
          // form values of any field type travel here (textareas too): line breaks stay, the rest is refused
          if (hasForbiddenCharacters(val, 'multiline')) fail(child, 'control-character');
        } else if (typeof val === 'number') {
          if (!Number.isFinite(val)) fail(child, 'expected-number');
        } else if (typeof val !== 'boolean') fail(child, 'expected-scalar');
        out[key] = val as string | number | boolean;
      }
      return out;
    },
  };
}

export const empty = () => object({});

export function parse<T>(schema: Schema<T>, value: unknown): T {
  return schema.parse(value, '');
}
