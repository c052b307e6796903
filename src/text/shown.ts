/**
 * How an argument a caller passed is shown in an API error's `got`: a text quoted (so `"100"` is
 * told from 100), an array or plain object as JSON (cut to 60 characters), anything else as
 * `String` gives it. One rule for every layer's errors (src/errors.ts and the stats layer's RangeErrors).
 *
 * @example
 * shownArg('x')       // '"x"'
 * shownArg(NaN)       // 'NaN'
 * shownArg([1, 2])    // '[1,2]'
 * shownArg(undefined) // 'undefined'
 */
export function shownArg(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (v !== null && typeof v === 'object') {
    let s: string | undefined;
    try {
      s = JSON.stringify(v);
    } catch {
      s = undefined;
    }
    if (s === undefined) return Array.isArray(v) ? 'an array' : 'an object';
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
  }
  return String(v);
}
