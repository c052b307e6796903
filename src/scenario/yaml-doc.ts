/**
 * Parse a YAML file keeping positions, so validation problems can name the
 * line and column of the offending value.
 */
import { LineCounter, parseDocument, isMap, isSeq, type Document } from 'yaml';
import { InputError, type InputLocation } from '../errors.js';

/** A parsed YAML file: its plain value and a way to find where a path was written. */
export interface YamlDoc {
  file: string;
  value: unknown;
  /** Location of the deepest node that exists along `path` (the file start if none). */
  locate(path: readonly PropertyKey[]): InputLocation;
}

/**
 * Parse YAML text; syntax errors become an `InputError` with line and column.
 *
 * @example
 * const d = parseYamlDoc('a.yaml', 'x:\n  y: 3\n');
 * d.value              // { x: { y: 3 } }
 * d.locate(['x', 'y']) // { file: 'a.yaml', line: 2, column: 6 }
 */
export function parseYamlDoc(file: string, text: string): YamlDoc {
  const lc = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const pos = lc.linePos(err.pos[0]);
    throw new InputError({ file, line: pos.line, column: pos.col }, 'valid YAML', err.message.split('\n')[0]);
  }
  const locate = (path: readonly PropertyKey[]): InputLocation => {
    let node: unknown = doc.contents;
    let best: unknown = node;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (p.key as { value?: unknown })?.value === key);
        if (!pair) break;
        node = pair.value ?? pair.key;
        best = node;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
        if (!node) break;
        best = node;
      } else break;
    }
    const range = (best as { range?: [number, number, number] } | null)?.range;
    if (!range) return { file, line: 1, column: 1 };
    const pos = lc.linePos(range[0]);
    return { file, line: pos.line, column: pos.col };
  };
  return { file, value: doc.toJS(), locate };
}
