/**
 * Locked-down mathjs expressions (number-only build `mathjs/number`: scalar
 * expressions need nothing else, and it loads in half the time) for derived quantities in scenario files,
 * e.g. `mean: "actual.forloeb / actual.henvendelser"`.
 *
 * Safety: a private mathjs instance whose dangerous functions (`import`,
 * `createUnit`, `evaluate`, `parse`, `simplify`, `derivative`, `compile`,
 * `resolve`, `reviver`, ...) are overridden to throw. On top of that every
 * expression is checked before it runs: at most 500 characters and 200 nodes,
 * only constants, variables, arithmetic/comparison/logical operators,
 * parentheses, `a ? b : c`, property access (`actual.forbrug`) and calls of a
 * fixed list of pure scalar functions. No assignments, function definitions,
 * matrices, ranges, units or strings, so nothing can loop: evaluation time is
 * bounded by expression size. A wall-clock limit (2 s per expression) is
 * checked as a last line of defence (generous, so a cold start on a busy machine
 * never trips it).
 */
import type { MathNode } from 'mathjs';
import { InputError, type InputLocation } from '../errors.js';
import { loadMathjs } from '../vendor/mathjs.js';

const BLOCKED = ['import', 'createUnit', 'evaluate', 'parse', 'simplify', 'simplifyConstant', 'simplifyCore',
  'derivative', 'compile', 'resolve', 'reviver', 'rationalize', 'parser', 'help', 'symbolicEqual', 'replacer'];
const blocked = (name: string) => () => {
  throw new Error(`function ${name} is disabled`);
};
let mathParse: ((text: string) => MathNode) | undefined;
/** The private instance's parser, created on the first expression (mathjs loads only then). */
function parser(): (text: string) => MathNode {
  if (mathParse) return mathParse;
  const { create, all } = loadMathjs().math;
  const math = create(all, {});
  const parse = math.parse;
  math.import(Object.fromEntries(BLOCKED.map((n) => [n, blocked(n)])), { override: true });
  return (mathParse = parse);
}

/** Functions an expression may call. */
export const ALLOWED_FUNCTIONS: readonly string[] = ['abs', 'min', 'max', 'sqrt', 'exp', 'log', 'log10', 'pow',
  'round', 'floor', 'ceil', 'sign', 'mod'];
const ALLOWED_OPS = new Set(['add', 'subtract', 'multiply', 'divide', 'pow', 'mod', 'unaryMinus', 'unaryPlus', 'smaller', 'smallerEq', 'larger', 'largerEq', 'equal', 'unequal', 'and', 'or', 'not']);
const MAX_CHARS = 500;
const MAX_NODES = 200;
/** Wall-clock limit per expression in milliseconds. */
export const EXPR_TIME_LIMIT_MS = 2000;

/** Variables visible to an expression: numbers or one level of named numbers (`actual.forbrug`). */
export type ExprScope = Record<string, number | Record<string, number>>;

/**
 * Evaluate one scenario expression to a finite number.
 * Throws `InputError` at `loc` if it does not parse, uses something not allowed,
 * refers to an unknown variable, fails, takes too long or is not a finite number.
 *
 * @example
 * evalExpression('actual.forloeb / actual.henvendelser', { actual: { forloeb: 2543, henvendelser: 5122 } }, { file: 's.yaml', line: 3 })
 * // 0.49648574775478326
 */
export function evalExpression(text: string, scope: ExprScope, loc: InputLocation): number {
  const fail = (why: string): never => {
    throw new InputError(loc, `a valid expression (${why})`, text);
  };
  if (text.length > MAX_CHARS) fail(`at most ${MAX_CHARS} characters`);
  let node: MathNode;
  try {
    node = parser()(text);
  } catch (e) {
    return fail(`syntax error: ${(e as Error).message}`);
  }
  checkNode(node, scope, fail);
  const t0 = performance.now();
  let value: unknown;
  try {
    value = node.compile().evaluate(cloneScope(scope));
  } catch (e) {
    return fail((e as Error).message);
  }
  if (performance.now() - t0 > EXPR_TIME_LIMIT_MS) fail(`took longer than ${EXPR_TIME_LIMIT_MS} ms`);
  if (typeof value === 'boolean') value = value ? 1 : 0;
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(`result must be a finite number, got ${String(value)}`);
  return value as number;
}

function cloneScope(scope: ExprScope): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (const [k, v] of Object.entries(scope)) m.set(k, typeof v === 'number' ? v : { ...v });
  return m;
}

function checkNode(root: MathNode, scope: ExprScope, fail: (why: string) => never): void {
  let count = 0;
  root.traverse((node: MathNode, _path: string, parent: MathNode | null) => {
    if (++count > MAX_NODES) fail(`at most ${MAX_NODES} terms`);
    const n = node as MathNode & Record<string, any>;
    switch (node.type) {
      case 'ConstantNode':
        if (typeof n.value !== 'number' && parent?.type !== 'IndexNode') fail('only numeric constants');
        return;
      case 'ParenthesisNode':
      case 'ConditionalNode':
        return;
      case 'OperatorNode':
        if (!ALLOWED_OPS.has(n.fn)) fail(`operator ${n.op} is not allowed`);
        return;
      case 'FunctionNode': {
        const name = n.fn?.name;
        if (!name || !ALLOWED_FUNCTIONS.includes(name)) fail(`function ${name ?? '?'} is not allowed; allowed: ${ALLOWED_FUNCTIONS.join(', ')}`);
        return;
      }
      case 'SymbolNode': {
        const p = parent as (MathNode & Record<string, any>) | null;
        if (p?.type === 'FunctionNode' && p.fn === node) return; // the function name itself
        if (!(n.name in scope)) fail(`unknown variable ${n.name}; known: ${Object.keys(scope).join(', ')}`);
        return;
      }
      case 'AccessorNode': {
        const idx = n.index;
        if (n.object?.type !== 'SymbolNode' || !idx?.dotNotation) fail('only property access like actual.forbrug');
        const obj = scope[n.object.name];
        const key = idx.dimensions[0]?.value;
        if (typeof obj !== 'object' || typeof key !== 'string' || !(key in obj)) fail(`unknown variable ${n.object.name}.${key}`);
        return;
      }
      case 'IndexNode':
        if (parent?.type === 'AccessorNode') return;
        return fail('indexing is not allowed');
      default:
        fail(`${node.type.replace(/Node$/, '').toLowerCase()} is not allowed`);
    }
  });
}
