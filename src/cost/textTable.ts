/**
 * Plain-text tables for the CLI: left-aligned first column, right-aligned numbers.
 */

/**
 * Render rows as an aligned text table (first column left, the rest right-aligned).
 *
 * @example
 * textTable(['År', 'Forløb'], [['2019', '2.065']]) // 'År    Forløb\n2019   2.065'
 */
export function textTable(head: string[], rows: string[][], indent = ''): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    indent +
    r
      .map((c, i) => (i === 0 || i === r.length - 1 && isText(rows, i) ? c.padEnd(w[i]) : c.padStart(w[i])))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}

function isText(rows: string[][], i: number): boolean {
  return rows.some((r) => /[a-zA-ZæøåÆØÅ]/.test(r[i] ?? '') && !/^[-–]$/.test(r[i] ?? ''));
}
