/**
 * Locked-down mathjs expressions (number-only build `mathjs/number`: scalar
 * expressions need nothing else, and it loads in half the time) for derived quantities in scenario files,
 * e.g. `mean: "actual.forloeb / actual.henvendelser"`, and per-cent texts (`33 %`) wherever a scenario or a
 * measure file takes a number written as text. In src/io (below the layers that read such files), so the
 * measure and the scenario loader share the one rule.
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
import type { EvalFunction, MathNode } from 'mathjs';
import { InputError, type InputLocation } from '../errors.js';
import { LIMITS } from './limits.js';
import { loadMathjs } from '../vendor/mathjs.js';
import type { Msg } from '../text/messages.js';

const BLOCKED = [
  'import',
  'createUnit',
  'evaluate',
  'parse',
  'simplify',
  'simplifyConstant',
  'simplifyCore',
  'derivative',
  'compile',
  'resolve',
  'reviver',
  'rationalize',
  'parser',
  'help',
  'symbolicEqual',
  'replacer',
];
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
export const ALLOWED_FUNCTIONS: readonly string[] = [
  'abs',
  'min',
  'max',
  'sqrt',
  'exp',
  'log',
  'log10',
  'pow',
  'round',
  'floor',
  'ceil',
  'sign',
  'mod',
];
const ALLOWED_OPS = new Set([
  'add',
  'subtract',
  'multiply',
  'divide',
  'pow',
  'mod',
  'unaryMinus',
  'unaryPlus',
  'smaller',
  'smallerEq',
  'larger',
  'largerEq',
  'equal',
  'unequal',
  'and',
  'or',
  'not',
]);
const MAX_CHARS = LIMITS.expressionChars;
const MAX_NODES = 200;
/** Wall-clock limit per expression in milliseconds. */
export const EXPR_TIME_LIMIT_MS = 2000;

/** Variables visible to an expression: numbers or one level of named numbers (`actual.forbrug`). */
export type ExprScope = Record<string, number | Record<string, number>>;

/**
 * Evaluate one scenario expression to a finite number.
 * Throws `InputError` at `loc` if it does not parse, uses something not allowed,
 * refers to an unknown variable, fails, takes too long or is not a finite number.
 * Each distinct text is parsed and compiled once; evaluation reads the scope in place
 * (nothing is copied), so a file of n expressions loads in time linear in n.
 *
 * @example
 * evalExpression('actual.forloeb / actual.henvendelser', { actual: { forloeb: 2543, henvendelser: 5122 } }, { file: 's.yaml', line: 3 })
 * // 0.49648574775478326
 */
export function evalExpression(text: string, scope: ExprScope, loc: InputLocation): number {
  const fail = (why: Msg): never => {
    throw new InputError(loc, { code: 'scenario.validExpr', params: { why } }, text);
  };
  if (text.length > MAX_CHARS) fail({ code: 'expr.maxChars', params: { n: MAX_CHARS } });
  let compiled = cache.get(text);
  if (!compiled) {
    let node: MathNode;
    try {
      node = parser()(text);
    } catch (e) {
      return fail({ code: 'expr.syntax', params: { detail: (e as Error).message } });
    }
    compiled = { node, code: undefined };
    remember(text, compiled);
  }
  // the scope may differ between uses of one text: names are checked every time
  checkNode(compiled.node, scope, fail);
  compiled.code ??= compiled.node.compile();
  const t0 = performance.now();
  let value: unknown;
  try {
    value = compiled.code.evaluate(new ScopeView(scope));
  } catch (e) {
    return fail({ code: 'expr.failed', params: { detail: (e as Error).message } });
  }
  if (performance.now() - t0 > EXPR_TIME_LIMIT_MS) fail({ code: 'expr.slow', params: { ms: EXPR_TIME_LIMIT_MS } });
  if (typeof value === 'boolean') value = value ? 1 : 0;
  if (typeof value !== 'number' || !Number.isFinite(value))
    fail({ code: 'expr.finite', params: { got: String(value) } });
  return value as number;
}

/** Parsed and compiled expressions by text (bounded: the oldest half is dropped when full). */
const cache = new Map<string, { node: MathNode; code: EvalFunction | undefined }>();
const CACHE_MAX = 20_000;
function remember(text: string, c: { node: MathNode; code: EvalFunction | undefined }): void {
  if (cache.size >= CACHE_MAX) {
    let drop = CACHE_MAX / 2;
    for (const k of cache.keys()) {
      cache.delete(k);
      if (--drop === 0) break;
    }
  }
  cache.set(text, c);
}

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * A read-only Map view of a scope for mathjs: only the scope's own names exist (never
 * `constructor`, `toString`, … from the prototype), nothing can be assigned, nothing is copied.
 */
class ScopeView {
  constructor(private readonly scope: ExprScope) {}
  get(k: string): unknown {
    return own(this.scope, k) ? this.scope[k] : undefined;
  }
  has(k: string): boolean {
    return own(this.scope, k);
  }
  set(): this {
    throw new Error('assignment is not allowed');
  }
  delete(): boolean {
    throw new Error('assignment is not allowed');
  }
  keys(): IterableIterator<string> {
    return Object.keys(this.scope)[Symbol.iterator]();
  }
  forEach(cb: (v: unknown, k: string) => void): void {
    for (const k of Object.keys(this.scope)) cb(this.scope[k], k);
  }
}

/** Names of a scope for messages: the first few (`known`), then how many more (`more`). */
function knownNames(scope: ExprScope): { known: string; more: number } {
  const names = Object.keys(scope);
  return names.length <= 12
    ? { known: names.join(', '), more: 0 }
    : { known: names.slice(0, 12).join(', '), more: names.length - 12 };
}

function checkNode(root: MathNode, scope: ExprScope, fail: (why: Msg) => never): void {
  let count = 0;
  root.traverse((node: MathNode, _path: string, parent: MathNode | null) => {
    if (++count > MAX_NODES) fail({ code: 'expr.maxTerms', params: { n: MAX_NODES } });
    const n = node as MathNode & Record<string, any>;
    switch (node.type) {
      case 'ConstantNode':
        if (typeof n.value !== 'number' && parent?.type !== 'IndexNode') fail({ code: 'expr.constants' });
        return;
      case 'ParenthesisNode':
      case 'ConditionalNode':
        return;
      case 'OperatorNode':
        if (!ALLOWED_OPS.has(n.fn)) fail({ code: 'expr.operator', params: { op: String(n.op) } });
        return;
      case 'FunctionNode': {
        const name = n.fn?.name;
        if (!name || !ALLOWED_FUNCTIONS.includes(name))
          fail({ code: 'expr.function', params: { name: String(name ?? '?'), allowed: ALLOWED_FUNCTIONS.join(', ') } });
        return;
      }
      case 'SymbolNode': {
        const p = parent as (MathNode & Record<string, any>) | null;
        if (p?.type === 'FunctionNode' && p.fn === node) return; // the function name itself
        if (!own(scope, n.name))
          fail({ code: 'expr.unknownVariable', params: { name: String(n.name), ...knownNames(scope) } });
        return;
      }
      case 'AccessorNode': {
        const idx = n.index;
        if (n.object?.type !== 'SymbolNode' || !idx?.dotNotation) fail({ code: 'expr.property' });
        const obj = scope[n.object.name];
        const key = idx.dimensions[0]?.value;
        if (!own(scope, n.object.name) || typeof obj !== 'object' || typeof key !== 'string' || !own(obj, key))
          fail({ code: 'expr.unknownProperty', params: { name: `${n.object.name}.${key}` } });
        return;
      }
      case 'IndexNode':
        if (parent?.type === 'AccessorNode') return;
        return fail({ code: 'expr.indexing' });
      default:
        fail({ code: 'expr.node', params: { kind: node.type.replace(/Node$/, '').toLowerCase() } });
    }
  });
}
