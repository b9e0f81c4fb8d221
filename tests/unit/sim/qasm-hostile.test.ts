/**
 * Regressions for hostile QASM (issue 15, defects 1–3): each case here failed before the fix — it was
 * accepted after minutes of expansion, crashed with a stack overflow at a wrong position, or echoed raw
 * escape sequences and megabytes of input into the error message.
 */
import { describe, expect, it } from 'vitest';
import { parseQasm, QASM_LIMITS, QasmError } from '../../../src/sim/qasm';
import type { GateOp } from '../../../src/sim/types';

const HEADER = 'OPENQASM 2.0;\ninclude "qelib1.inc";\n';

/** g0 has `inner` as its body; g_k calls g_{k−1} twice; the last line calls g_levels. */
function nested(levels: number, inner: string): string {
  let s = `${HEADER}qreg q[1];\ngate g0 a { ${inner} }\n`;
  for (let i = 1; i <= levels; i++) s += `gate g${i} a { g${i - 1} a; g${i - 1} a; }\n`;
  return `${s}g${levels} q[0];\n`;
}

function errorOf(text: string): QasmError {
  try {
    parseQasm(text);
  } catch (e) {
    if (e instanceof QasmError) return e;
    throw e;
  }
  throw new Error('expected a QasmError, the input was accepted');
}

/** Printable on a terminal: no C0/C1 control characters or DEL (`\p{Cc}`), no bidi overrides, one line. */
const UNSAFE = /[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

describe('defect 1: the expansion of nested definitions is charged before it runs', () => {
  it('refuses 2^21 calls of an empty definition at the calling line (accepted with 0 operations before)', () => {
    const text = nested(21, '');
    const e = errorOf(text);
    expect(e.line).toBe(text.trimEnd().split('\n').length);
    expect(e.message).toMatch(/expands to more than 1,000,000 operations/);
    expect(e.message).toMatch(/'g21' adds 2,097,152/);
  });

  it('counts barriers inside definitions: 2^20 barrier-only bodies are refused', () => {
    const e = errorOf(nested(20, 'barrier a;'));
    expect(e.message).toMatch(/adds 1,048,576/);
  });

  it('refuses 60 levels immediately (never finished before)', () => {
    expect(errorOf(nested(60, '')).message).toMatch(/adds 1\.15e\+18/);
    expect(errorOf(nested(60, 'barrier a;')).message).toMatch(/expands to more than/);
  });

  it('counts measurements and top-level barriers against the same budget (they were free before)', () => {
    // 999 calls of a 1000-gate definition, 15 whole-register measurements of 64 bits, then 40 barriers:
    // exactly 1,000,000 operations. One more barrier is refused at its line.
    const body = 'x a; '.repeat(1000);
    const lines = [
      `${HEADER}qreg q[64];\ncreg c[64];\ngate k a { ${body}}`,
      ...Array(999).fill('k q[0];'),
      ...Array(15).fill('measure q -> c;'),
      ...Array(40).fill('barrier q;'),
    ];
    const ok = parseQasm(lines.join('\n'));
    expect(ok.ops.length).toBe(QASM_LIMITS.maxOps);
    const text = [...lines, 'barrier q[0];'].join('\n');
    const e = errorOf(text);
    expect(e.line).toBe(text.split('\n').length);
    expect(e.message).toMatch(
      /expands to more than 1,000,000 operations: this barrier adds 1 to the 1,000,000 before it/,
    );
  });

  it('still expands what fits: 2^10 calls of a one-gate body give 1024 gates', () => {
    let s = `${HEADER}qreg q[1];\ngate g0 a { x a; barrier a; }\n`;
    for (let i = 1; i <= 10; i++) s += `gate g${i} a { g${i - 1} a; g${i - 1} a; }\n`;
    const c = parseQasm(`${s}g10 q[0];\n`);
    expect(c.ops.length).toBe(1024);
    expect(c.ops.every((o) => o.kind === 'gate' && o.name === 'x')).toBe(true);
  });
});

describe('defect 2: bounded input, streaming tokens, flat chains', () => {
  it('refuses text over QASM_LIMITS.maxInputChars before reading it', () => {
    const e = errorOf(`${HEADER}qreg q[1];\n${' '.repeat(QASM_LIMITS.maxInputChars)}`);
    expect([e.line, e.column]).toEqual([1, 1]);
    expect(e.message).toMatch(/more than the limit of 33,554,432/);
  });

  it('reports the first error in reading order, not a lexical error far below (tokens are not all read first)', () => {
    const e = errorOf(`OPENQASM 3.0;\nqreg q[1];\n${'h q[0];\n'.repeat(1000)}\u0001`);
    expect([e.line, e.column]).toEqual([1, 10]);
    expect(e.message).toMatch(/unsupported OpenQASM version/);
  });

  it('evaluates a 100,000-term sum and product (a stack overflow reported at 1:1 before)', () => {
    const sum = parseQasm(`${HEADER}qreg q[1];\nrz(${Array(100_000).fill('1').join('+')}) q[0];`);
    expect((sum.ops[0] as GateOp).params[0]).toBe(100_000);
    const product = parseQasm(`${HEADER}qreg q[1];\nrz(${Array(100_000).fill('1').join('*')}/2) q[0];`);
    expect((product.ops[0] as GateOp).params[0]).toBe(0.5);
    // Left to right, like the binary tree: 1e16 + 1 + 1 rounds each time.
    const order = parseQasm(`${HEADER}qreg q[1];\nrz(1e16+1+1-1e16) q[0];`);
    expect((order.ops[0] as GateOp).params[0]).toBe(1e16 + 1 + 1 - 1e16);
  });

  it('bounds real nesting with an error at the token where the limit is passed', () => {
    const deep = `${HEADER}qreg q[1];\nrz(${'('.repeat(5000)}1${')'.repeat(5000)}) q[0];`;
    const e = errorOf(deep);
    expect(e.message).toMatch(/nested too deeply \(more than 100 levels\)/);
    expect([e.line, e.column]).toEqual([4, 4 + QASM_LIMITS.maxDepth]);
    expect(errorOf(`${HEADER}qreg q[1];\nrz(${'2^'.repeat(5000)}1) q[0];`).message).toMatch(/nested too deeply/);
    expect(errorOf(`${HEADER}qreg q[1];\nrz(${'sin('.repeat(5000)}1${')'.repeat(5000)}) q[0];`).message).toMatch(
      /nested too deeply/,
    );
  });

  it('caps the expression evaluations of expanded gate bodies', () => {
    const big = Array(5000).fill('t').join('+');
    let s = `${HEADER}qreg q[1];\ngate g0(t) a { rz(${big}) a; }\n`;
    for (let i = 1; i <= 12; i++) s += `gate g${i}(t) a { g${i - 1}(t) a; g${i - 1}(t) a; }\n`;
    expect(errorOf(`${s}g12(0.1) q[0];\n`).message).toMatch(
      /evaluates 20,\d{3},\d{3} expression node\(s\), more than the limit of 10,000,000/,
    );
  });
});

describe('defect 3: error messages are safe to print', () => {
  it('escapes control characters instead of echoing them', () => {
    for (const text of [
      `${HEADER}qreg q[1];\nh\u001b[31m q[0];`,
      `${HEADER}include "\u001b]0;pwned\u0007";`,
      `${HEADER}qreg q[1];\n\u009b2J`,
      `${HEADER}qreg q[1];\nfoo\u202eoof q[0];`,
    ]) {
      const e = errorOf(text);
      expect(e.message, JSON.stringify(text)).not.toMatch(UNSAFE);
    }
    expect(errorOf(`${HEADER}qreg q[1];\nh\u001b[31m q[0];`).message).toContain("'\\x1b'");
  });

  it('truncates what it quotes: a 10 MB identifier gives a short message with the full length', () => {
    const e = errorOf(`${HEADER}qreg q[1];\n${'a'.repeat(10_000_000)} q[0];`);
    expect(e.message.length).toBeLessThan(120);
    expect(e.message).toMatch(/unknown gate 'a{40}…' \(10,000,000 characters\)/);
    const num = errorOf(`${HEADER}qreg q[1];\nh q[${'9'.repeat(1_000_000)}];`);
    expect(num.message.length).toBeLessThan(160);
  });
});

describe('linear checks in gate definitions (200,000 arguments took 28 s)', () => {
  // These cases were quadratic; they are in the fuzz suite's hang detector too (qasm-fuzz.test.ts).
  it('accepts 200,000 distinct qubit arguments and 200,000 parameters, and finds a late duplicate', () => {
    const names = Array.from({ length: 200_000 }, (_, i) => `a${i}`);
    expect(parseQasm(`${HEADER}qreg q[1];\ngate g ${names.join(',')} { }\n`).ops).toEqual([]);
    expect(parseQasm(`${HEADER}qreg q[1];\ngate g(${names.join(',')}) b { }\n`).ops).toEqual([]);
    const e = errorOf(`${HEADER}qreg q[1];\ngate g ${names.join(',')},a199999 { }\n`);
    expect(e.message).toMatch(/qubit argument 'a199999' declared twice/);
  });
});
