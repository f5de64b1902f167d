import fc from 'fast-check';
import type { Schema } from '../../cloudfunctions/core/kernel/schema';

/** Values a hostile or careless client sends: operators, prototype keys, huge and deep values, odd text. */
export function hostile(): fc.Arbitrary<unknown> {
  const deep = (n: number): unknown => (n === 0 ? 'bottom' : { a: deep(n - 1) });
  return fc.oneof(
    fc.constantFrom<unknown>(
      { $ne: null },
      { $gt: '' },
      { $where: 'sleep(1000)' },
      { $regex: '.*', $options: 'i' },
      { $in: ['a', 'b'] },
      JSON.parse('{"__proto__":{"polluted":true}}'),
      { constructor: { prototype: { polluted: true } } },
      { prototype: 1 },
      'x'.repeat(100_000),
      deep(300),
      [[[[[[[[[[]]]]]]]]]],
      '\ud800',
      '\u202e\u0000\ufeff',
      '𠮷𠮷𠮷',
      '   ',
      '',
      '0',
      '1e309',
      'true',
      'null',
      -0,
      1e308,
      -1,
      2 ** 53 + 1,
      0.5,
      null,
      true,
      false,
      [],
      {},
    ),
    fc.integer().map(String),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.jsonValue({ maxDepth: 3 }),
  );
}

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', '$where', '$ne', 'openid', 'account_id', 'created_by', 'role_ids', 'a.b', ''];

/** Inputs near what `schema` accepts, each part possibly replaced by something hostile. */
export function nearValid(schema: Schema<unknown> | undefined, depth = 0): fc.Arbitrary<unknown> {
  const d = schema?.describe;
  if (!schema || depth > 4) return hostile();
  if (d?.shape) {
    const keys = Object.keys(d.shape);
    const parts = Object.fromEntries(keys.map((k) => [k, fc.option(nearValid(d.shape![k], depth + 1), { nil: undefined, freq: 4 })]));
    return fc.tuple(fc.record(parts), fc.option(fc.tuple(fc.constantFrom(...HOSTILE_KEYS), hostile()), { freq: 3 })).map(([obj, extra]) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
      if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true });
      return out;
    });
  }
  if (d?.values) return fc.oneof({ arbitrary: fc.constantFrom(...d.values), weight: 3 }, { arbitrary: hostile(), weight: 1 });
  if (d?.item) return fc.oneof(fc.array(nearValid(d.item, depth + 1), { maxLength: 4 }), hostile());
  if (schema.kind === 'string') return fc.oneof(fc.string({ minLength: d?.min ?? 0, maxLength: Math.min(d?.max ?? 40, 40) }), hostile());
  if (schema.kind === 'int' || schema.kind === 'number') return fc.oneof(fc.integer({ min: -5, max: 200 }), hostile());
  if (schema.kind === 'boolean') return fc.oneof(fc.boolean(), hostile());
  return hostile();
}
