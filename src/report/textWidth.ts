/**
 * Text widths for headless rendering. Without a canvas, vega estimates every character
 * as 0.8 em wide, which makes titles and legends reserve far too much room in SVG/PNG
 * output. The PNGs are rasterised with DejaVu Sans, so layout uses DejaVu Sans advance
 * widths (em units, from the font's hmtx table, rounded); unknown characters count 0.6 em.
 */

const W: Record<string, number> = {
  ' ': 0.318,
  '!': 0.4,
  '"': 0.46,
  '#': 0.838,
  $: 0.636,
  '%': 0.95,
  '&': 0.78,
  "'": 0.275,
  '(': 0.39,
  ')': 0.39,
  '*': 0.5,
  '+': 0.838,
  ',': 0.318,
  '-': 0.361,
  '.': 0.318,
  '/': 0.337,
  ':': 0.337,
  ';': 0.337,
  '<': 0.838,
  '=': 0.838,
  '>': 0.838,
  '?': 0.531,
  '@': 1.0,
  '[': 0.39,
  '\\': 0.337,
  ']': 0.39,
  _: 0.5,
  '|': 0.337,
  '–': 0.5,
  '—': 1.0,
  '…': 1.0,
  '×': 0.838,
  '±': 0.838,
  '»': 0.557,
  '«': 0.557,
  '“': 0.518,
  '”': 0.518,
  '’': 0.318,
  '§': 0.5,
  '²': 0.4,
  θ: 0.602,
  α: 0.659,
  '↓': 0.838,
  '↑': 0.838,
  '−': 0.838,
  a: 0.613,
  b: 0.635,
  c: 0.55,
  d: 0.635,
  e: 0.615,
  f: 0.352,
  g: 0.635,
  h: 0.634,
  i: 0.278,
  j: 0.278,
  k: 0.579,
  l: 0.278,
  m: 0.974,
  n: 0.634,
  o: 0.612,
  p: 0.635,
  q: 0.635,
  r: 0.411,
  s: 0.521,
  t: 0.392,
  u: 0.634,
  v: 0.592,
  w: 0.818,
  x: 0.592,
  y: 0.592,
  z: 0.525,
  æ: 0.973,
  ø: 0.612,
  å: 0.613,
  é: 0.615,
  ö: 0.612,
  ü: 0.634,
  A: 0.684,
  B: 0.686,
  C: 0.698,
  D: 0.77,
  E: 0.632,
  F: 0.575,
  G: 0.775,
  H: 0.752,
  I: 0.295,
  J: 0.295,
  K: 0.656,
  L: 0.557,
  M: 0.863,
  N: 0.748,
  O: 0.787,
  P: 0.603,
  Q: 0.787,
  R: 0.695,
  S: 0.635,
  T: 0.611,
  U: 0.732,
  V: 0.684,
  W: 0.989,
  X: 0.685,
  Y: 0.611,
  Z: 0.685,
  Æ: 0.974,
  Ø: 0.787,
  Å: 0.684,
};

/**
 * Width in pixels of `text` in DejaVu Sans at `fontSize` (bold about 10 % wider).
 *
 * @example
 * textWidth('2024', 10) // 25.44 (four digits of 0.636 em)
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += ch >= '0' && ch <= '9' ? 0.636 : (W[ch] ?? 0.6);
  return em * fontSize * (bold ? 1.1 : 1);
}

/** The parts of a vega text item that matter for its width. */
export interface TextItemLike {
  fontSize?: number | string;
  fontWeight?: number | string;
}

/**
 * Width of a vega text item's text, untruncated. vega calls this both to truncate text to
 * its `limit` (it needs the raw width) and for bounds; marks whose text may be truncated
 * (event labels) are clipped to the plot, so their bounds do not widen the layout.
 *
 * @example
 * itemTextWidth({ fontSize: 10, fontWeight: 'bold' }, '2024') // 27.98
 */
export function itemTextWidth(item: TextItemLike, text: unknown): number {
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const w = Number(item.fontWeight);
  const bold = item.fontWeight === 'bold' || (Number.isFinite(w) && w >= 600);
  return textWidth(text == null ? '' : String(text).trim(), size, bold);
}
