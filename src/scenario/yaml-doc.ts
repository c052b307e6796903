/**
 * Parse a YAML file keeping positions, so validation problems can name the
 * line and column of the offending value.
 */
import { LineCounter, parseDocument, isMap, isSeq, type Document } from '../vendor/yaml.js';
import { InputError, type InputLocation } from '../errors.js';

/** A parsed YAML file: its plain value and a way to find where a path was written. */
export interface YamlDoc {
  file: string;
  value: unknown;
  /** Location of the deepest node that exists along `path` (the file start if none); `key`: of the last key rather than its value. */
  locate(path: readonly PropertyKey[], key?: boolean): InputLocation;
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
  const locate = (path: readonly PropertyKey[], key = false): InputLocation => {
    let node: unknown = doc.contents;
    let best: unknown = node;
    for (const [depth, k] of path.entries()) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (p.key as { value?: unknown })?.value === k);
        if (!pair) break;
        node = key && depth === path.length - 1 ? pair.key : pair.value ?? pair.key;
        best = node;
      } else if (isSeq(node) && typeof k === 'number') {
        node = node.items[k];
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

