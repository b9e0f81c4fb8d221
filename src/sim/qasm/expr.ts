/** Parameter expressions of gate calls and gate bodies: their tree, evaluation and size. */
import { QasmError, quoteInput } from './errors';
import type { Token } from './lexer';

/**
 * Chains of + − and of * / are one node each, evaluated left to right like the binary tree they stand
 * for: a 10,000-term sum is flat, and only real nesting (parentheses, unary minus, ^, functions) is deep.
 */
export type Expr =
  | { t: 'num'; v: number }
  | { t: 'var'; name: string; tok: Token }
  | { t: 'neg'; a: Expr }
  | { t: 'chain'; first: Expr; ops: ('+' | '-' | '*' | '/')[]; rest: Expr[] }
  | { t: 'pow'; a: Expr; b: Expr }
  | { t: 'fn'; fn: (x: number) => number; a: Expr };

export const FUNCTIONS = new Map<string, (x: number) => number>([
  ['sin', Math.sin],
  ['cos', Math.cos],
  ['tan', Math.tan],
  ['exp', Math.exp],
  ['ln', Math.log],
  ['sqrt', Math.sqrt],
]);

export function evalExpr(e: Expr, env: ReadonlyMap<string, number>): number {
  switch (e.t) {
    case 'num':
      return e.v;
    case 'var': {
      const v = env.get(e.name);
      if (v === undefined) throw new QasmError(`unknown parameter ${quoteInput(e.name)}`, e.tok.line, e.tok.col);
      return v;
    }
    case 'neg':
      return -evalExpr(e.a, env);
    case 'fn':
      return e.fn(evalExpr(e.a, env));
    case 'pow':
      return evalExpr(e.a, env) ** evalExpr(e.b, env);
    case 'chain': {
      let acc = evalExpr(e.first, env);
      for (let k = 0; k < e.rest.length; k++) {
        const b = evalExpr(e.rest[k], env);
        switch (e.ops[k]) {
          case '+':
            acc += b;
            break;
          case '-':
            acc -= b;
            break;
          case '*':
            acc *= b;
            break;
          default:
            acc /= b;
        }
      }
      return acc;
    }
  }
}

/** Number of nodes of an expression (the work of one evaluation). */
export function exprSize(e: Expr): number {
  switch (e.t) {
    case 'num':
    case 'var':
      return 1;
    case 'neg':
    case 'fn':
      return 1 + exprSize(e.a);
    case 'pow':
      return 1 + exprSize(e.a) + exprSize(e.b);
    case 'chain': {
      let s = 1 + exprSize(e.first);
      for (const r of e.rest) s += exprSize(r);
      return s;
    }
  }
}
