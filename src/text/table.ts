/**
 * The one plain-text table of the CLI: columns as wide as their widest cell (in characters), separated by
 * two spaces; the first column left-aligned, the others right-aligned (numbers); trailing spaces trimmed.
 */

/** Options of `textTable`. */
export interface TextTableOptions {
  /** Prefix of every line (e.g. two spaces under a heading). */
  indent?: string;
  /** Left-align the last column when a body cell in it holds text (letters), e.g. a verdict or a source. */
  textLastLeft?: boolean;
  /** Alignment per column, overriding the default (first column left, the rest right). */
  align?: readonly ('left' | 'right')[];
}

/**
 * Render rows (the first one the header) as an aligned text table.
 *
 * @example
 * textTable([['År', 'P'], ['2026', '21 %']])                        // 'År       P\n2026  21 %'
 * textTable([['År', 'Forløb'], ['2019', '2.065']], { indent: '  ' }) // '  År    Forløb\n  2019   2.065'
 * textTable([['Id', 'Navn'], ['1', 'a']], { align: ['right', 'left'] }) // 'Id  Navn\n 1  a'
 */
export function textTable(rows: readonly (readonly string[])[], o: TextTableOptions = {}): string {
  if (rows.length === 0) return '';
  const len = (s: string | undefined) => [...(s ?? '')].length;
  const w = rows[0].map((_, c) => Math.max(...rows.map((r) => len(r[c]))));
  const body = rows.slice(1);
  const textColumn = (c: number) => body.some((r) => /[a-zA-ZæøåÆØÅ]/.test(r[c] ?? '') && !/^[-–]$/.test(r[c] ?? ''));
  const left = (c: number, n: number) =>
    o.align?.[c] !== undefined
      ? o.align[c] === 'left'
      : c === 0 || (o.textLastLeft === true && c === n - 1 && textColumn(c));
  const pad = (s: string, n: number, left: boolean) => {
    const fill = ' '.repeat(Math.max(0, n - len(s)));
    return left ? s + fill : fill + s;
  };
  const line = (r: readonly string[]) =>
    (o.indent ?? '') +
    r
      .map((cell, c) => pad(cell, w[c] ?? len(cell), left(c, r.length)))
      .join('  ')
      .trimEnd();
  return rows.map(line).join('\n');
}
