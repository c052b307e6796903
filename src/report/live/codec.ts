/**
 * A compiled scenario model as JSON and back, exactly: the model is plain data (numbers, strings,
 * typed arrays), but JSON has no typed arrays and no NaN or ±Infinity, which the model uses
 * (`bevKnown` NaN for "not known", `pathDf` Infinity for Gaussian paths). Typed arrays become
 * `{ "$f64": [...] }` (or `$f32`, `$i32`, `$u32`), non-finite numbers the strings `"NaN"`, `"Infinity"`,
 * `"-Infinity"` (wrapped as `{ "$num": … }`), so the model the browser decodes is the one the CLI runs.
 * Numbers are written by `JSON.stringify` (shortest round-trip form), so every double survives.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const TYPED = { $f64: Float64Array, $f32: Float32Array, $i32: Int32Array, $u32: Uint32Array } as const;
type TypedTag = keyof typeof TYPED;

function tagOf(v: ArrayBufferView): TypedTag {
  if (v instanceof Float64Array) return '$f64';
  if (v instanceof Float32Array) return '$f32';
  if (v instanceof Int32Array) return '$i32';
  if (v instanceof Uint32Array) return '$u32';
  throw new TypeError(`encodeModel: unsupported typed array ${v.constructor.name}`);
}

function num(x: number): Json {
  return Number.isFinite(x) ? x : { $num: String(x) };
}

/**
 * Encode plain data with typed arrays and non-finite numbers as JSON-safe values.
 *
 * @example
 * JSON.stringify(encodeModel({ a: Float64Array.from([1, NaN]), b: Infinity }))
 * // '{"a":{"$f64":[1,{"$num":"NaN"}]},"b":{"$num":"Infinity"}}'
 */
export function encodeModel(v: unknown): Json {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return num(v);
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (ArrayBuffer.isView(v)) {
    const tag = tagOf(v);
    return { [tag]: Array.from(v as unknown as ArrayLike<number>, num) };
  }
  if (Array.isArray(v)) return v.map(encodeModel);
  if (typeof v === 'object') {
    const out: { [k: string]: Json } = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (x !== undefined) out[k] = encodeModel(x);
    return out;
  }
  throw new TypeError(`encodeModel: cannot encode a ${typeof v}`);
}

/**
 * Decode what {@link encodeModel} wrote (the inverse: typed arrays and non-finite numbers restored).
 *
 * @example
 * decodeModel(JSON.parse('{"a":{"$f64":[1,{"$num":"NaN"}]}}')) // { a: Float64Array [1, NaN] }
 */
export function decodeModel<T = unknown>(v: unknown): T {
  return dec(v) as T;
}

function dec(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(dec);
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1) {
    const k = keys[0];
    if (k === '$num') return Number(o.$num);
    if (k in TYPED) return TYPED[k as TypedTag].from((o[k] as unknown[]).map((x) => dec(x) as number));
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = dec(o[k]);
  return out;
}
