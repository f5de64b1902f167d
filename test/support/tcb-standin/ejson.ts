/**
 * The slice of MongoDB Extended JSON the CloudBase SDK exchanges. The SDK writes canonical EJSON
 * (`bson.EJSON.stringify(x, {relaxed: false})`: `{"$numberInt":"1"}`, `{"$numberDouble":"1.5"}`) and reads
 * answers with `EJSON.parse`, so the stand-in decodes the former and answers in canonical form as well.
 */

export class EjsonError extends Error {}

const NUMBER_WRAPPERS = ['$numberInt', '$numberLong', '$numberDouble', '$numberDecimal'] as const;

/** EJSON value → plain JS value (numbers as numbers, `$date` as Date). Operator keys are left as they are. */
export function decode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (v === null || typeof v !== 'object') return v;
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1) {
    const [k] = keys;
    if ((NUMBER_WRAPPERS as readonly string[]).includes(k)) {
      const n = Number(obj[k]);
      if (typeof obj[k] !== 'string' || Number.isNaN(n)) throw new EjsonError(`bad ${k}`);
      return n;
    }
    if (k === '$date') {
      const d = obj[k];
      const ms = typeof d === 'string' ? Date.parse(d) : Number((d as Record<string, unknown>)?.$numberLong ?? d);
      if (Number.isNaN(ms)) throw new EjsonError('bad $date');
      return new Date(ms);
    }
    if (k === '$oid' || k === '$regularExpression' || k === '$binary' || k === '$timestamp') throw new EjsonError(`${k} is not supported by the stand-in`);
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    // a real server would store it as a field; here it would replace the object's prototype
    if (k === '__proto__') throw new EjsonError('__proto__ key');
    out[k] = decode(obj[k]);
  }
  return out;
}

export const parse = (text: unknown): unknown => {
  if (typeof text !== 'string') throw new EjsonError('EJSON text expected');
  return decode(JSON.parse(text));
};

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** plain value → canonical EJSON value (what the real service answers with). */
export function encode(v: unknown): unknown {
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX && !Object.is(v, -0)) return { $numberInt: String(v) };
    return { $numberDouble: Number.isInteger(v) ? v.toFixed(1) : String(v) };
  }
  if (v instanceof Date) return { $date: { $numberLong: String(v.getTime()) } };
  if (Array.isArray(v)) return v.map(encode);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = encode(x);
    return out;
  }
  return v;
}

export const stringify = (v: unknown): string => JSON.stringify(encode(v));
