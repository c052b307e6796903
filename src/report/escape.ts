/**
 * Escaping for the report formats: HTML text and attributes, JSON inside `<script>`,
 * Markdown text and table cells, link targets, and spreadsheet text cells that a
 * spreadsheet would otherwise run as formulas.
 */
import { stripControls } from '../io/terminal.js';

/**
 * Escape text for HTML element content and attribute values.
 *
 * @example
 * escapeHtml('<b>"A&B"</b>') // '&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;'
 */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * JSON that is safe inside an inline `<script>` element: `<`, `>`, `&` and the line
 * separators U+2028/U+2029 are written as `\u` escapes, so no user-supplied string can
 * close the script element.
 *
 * @example
 * scriptJson({ name: '</script><script>alert(1)</script>' }).includes('</script') // false
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Make a JavaScript library safe to inline in `<script>`: any `</script` is split.
 *
 * @example
 * inlineScript('a="</script>"') // 'a="<\/script>"'
 */
export function inlineScript(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1');
}

/**
 * Escape text for any place in a Markdown document (paragraphs, notes, headings, table
 * cells, image descriptions): control characters removed, line breaks become spaces (a
 * name can never start a new block), HTML-significant characters become entities (no raw
 * HTML), and the characters that start emphasis, code or strikethrough, the table pipe and
 * the `](` of a link or image are backslash-escaped, so `[x](javascript:…)` stays text. An underscore
 * inside a word (`i_alt`) is left as it is: it cannot start emphasis there.
 *
 * @example
 * escapeMarkdownText('<script>x</script> [a](javascript:alert(1)) *b*')
 * // '&lt;script&gt;x&lt;/script&gt; [a\\](javascript:alert(1)) \\*b\\*'
 */
export function escapeMarkdownText(s: string): string {
  return (
    stripControls(s)
      .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
      .replace(/[\\`*|~]/g, (c) => `\\${c}`)
      // a bracket only makes a link or image as `[text](target)` or `[text][ref]`: `](` and `][` are broken
      .replace(/\](?=[([])/g, '\\]')
      .replace(/(^|[^A-Za-z0-9])_|_(?=$|[^A-Za-z0-9])/g, (m) => m.replace('_', '\\_'))
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
  );
}

/**
 * Escape a Markdown table cell: as {@link escapeMarkdownText} (which escapes the pipe).
 *
 * @example
 * escapeMarkdownCell('a|b <c>') // 'a\\|b &lt;c&gt;'
 */
export function escapeMarkdownCell(s: string): string {
  return escapeMarkdownText(s);
}

/**
 * A link target that is safe to write: a relative path, or an http(s) or mailto URL.
 * Anything else (`javascript:`, `data:`, `vbscript:`, `file:`) gives undefined.
 *
 * @example
 * safeLinkTarget('charts/budget.png')     // 'charts/budget.png'
 * safeLinkTarget('JavaScript:alert(1)')   // undefined
 */
export function safeLinkTarget(href: string): string | undefined {
  const h = stripControls(href).trim();
  // browsers drop tabs, line breaks and spaces inside a scheme (`java\tscript:`): judge without them
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(h.replace(/[\s\u0000-\u001f]/g, ''))?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https' && scheme !== 'mailto') return undefined;
  if (/[\s<>()]/.test(h)) return encodeURI(h).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'));
  return h;
}

/**
 * A Markdown image `![alt](src)` with the description escaped; an unsafe target gives the
 * description as text only.
 *
 * @example
 * markdownImage('Budget', 'charts/budget.png') // '![Budget](charts/budget.png)'
 */
export function markdownImage(alt: string, src: string): string {
  const target = safeLinkTarget(src);
  return target === undefined ? escapeMarkdownText(alt) : `![${escapeMarkdownText(alt)}](${target})`;
}

/**
 * A number or a range of two, as the report writes them (`-7,9`, `2,9–5,3`, `-5,9 til -0,3`, `-15,8 %`), or a
 * rate with its spread (`-2,9 % (sd 1,9 pct.-point)`, an input's value): no formula can hide in it.
 */
const NUMBER_TEXT =
  /^-?[\d.,\u00a0]+(?: ?%)?(?:(?:–| til | to )-?[\d.,\u00a0]+(?: ?%)?| \(sd [\d.,\u00a0]+(?: ?%| pct\.-point| pp)\))?$/;

/**
 * Neutralise a spreadsheet text cell that starts with `=`, `+`, `-`, `@`, a tab or a CR
 * (also after leading spaces or line breaks, which spreadsheets skip) by prefixing an
 * apostrophe, so it is shown as text and never evaluated (CSV/formula injection). A negative
 * number or range written as text (digits, separators, `%` and one `–`, ` til ` or ` to ` only) is left as it is:
 * it cannot carry a formula, and the apostrophe would show.
 *
 * @example
 * neutraliseCell('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 * neutraliseCell(' \n=1+1')          // "' \n=1+1"
 * neutraliseCell('Basis')           // 'Basis'
 * neutraliseCell('-7,9–9,2')        // '-7,9–9,2'
 * neutraliseCell('-2,9 % (sd 1,9 pct.-point)') // '-2,9 % (sd 1,9 pct.-point)'
 */
export function neutraliseCell(s: string): string {
  if (NUMBER_TEXT.test(s)) return s;
  return /^[\t\r]|^[ \n\r\t\u00a0]*[=+\-@]/.test(s) ? `'${s}` : s;
}
