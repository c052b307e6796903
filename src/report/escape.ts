/**
 * Escaping for the report formats: HTML text and attributes, JSON inside `<script>`,
 * Markdown table cells, and spreadsheet text cells that a spreadsheet would otherwise
 * run as formulas.
 */

/**
 * Escape text for HTML element content and attribute values.
 *
 * @example
 * escapeHtml('<b>"A&B"</b>') // '&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;'
 */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
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
 * Escape a Markdown table cell: pipes, backslashes, line breaks and HTML-significant
 * characters.
 *
 * @example
 * escapeMarkdownCell('a|b <c>') // 'a\\|b &lt;c&gt;'
 */
export function escapeMarkdownCell(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, ' ');
}

/**
 * Neutralise a spreadsheet text cell that starts with `=`, `+`, `-`, `@` (or a tab/CR,
 * which some spreadsheets also treat as formula starts) by prefixing an apostrophe, so
 * it is shown as text and never evaluated (CSV/formula injection).
 *
 * @example
 * neutraliseCell('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 * neutraliseCell('Basis')           // 'Basis'
 */
export function neutraliseCell(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
