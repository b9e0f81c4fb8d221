import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatAngle, parseQasm, QasmError, toQasm } from '../../../src/sim/qasm';
import { gateMatrix } from '../../../src/sim/gates';
import { StateVector, simulate } from '../../../src/sim/statevector';
import { randomCircuit } from '../../../src/sim/circuit-builder';
import { createRng } from '../../../src/sim/rng';
import type { Circuit, GateName, GateOp } from '../../../src/sim/types';

const HEADER = 'OPENQASM 2.0;\ninclude "qelib1.inc";\n';
const corpusDir = join(__dirname, 'qasm-corpus');

/** Full unitary of a circuit, column k = circuit applied to |k⟩ (interleaved, row-major). */
function unitaryOf(c: Circuit): Float64Array {
  const d = 2 ** c.numQubits;
  const m = new Float64Array(2 * d * d);
  const sv = new StateVector(c.numQubits);
  for (let k = 0; k < d; k++) {
    sv.setBasisState(k).run(c);
    for (let r = 0; r < d; r++) {
      m[2 * (r * d + k)] = sv.re[r];
      m[2 * (r * d + k) + 1] = sv.im[r];
    }
  }
  return m;
}
function expectMatrixClose(a: Float64Array, b: Float64Array, tol = 1e-12) {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i]), `entry ${i >> 1}`).toBeLessThan(tol);
}
const g1 = (name: GateName, params: number[] = []) => gateMatrix({ kind: 'gate', name, qubits: [0], params });
/** Controlled-U on n qubits: controls = all bits but the top one, target = top bit (index = controls low). */
function controlled(u: Float64Array, n: number, phase: [number, number] = [1, 0]): Float64Array {
  const d = 2 ** n,
    ctrl = d / 2 - 1,
    tb = d / 2;
  const m = new Float64Array(2 * d * d);
  for (let i = 0; i < d; i++) if ((i & ctrl) !== ctrl) m[2 * (i * d + i)] = 1;
  for (const [r, rr] of [
    [0, ctrl],
    [1, ctrl | tb],
  ])
    for (const [c, cc] of [
      [0, ctrl],
      [1, ctrl | tb],
    ]) {
      const ur = u[2 * (r * 2 + c)],
        ui = u[2 * (r * 2 + c) + 1];
      m[2 * (rr * d + cc)] = phase[0] * ur - phase[1] * ui;
      m[2 * (rr * d + cc) + 1] = phase[0] * ui + phase[1] * ur;
    }
  return m;
}
const parse1 = (body: string, n: number) => parseQasm(`${HEADER}qreg q[${n}];\n${body}\n`);

describe('parseQasm: malformed corpus', () => {
  const files = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.qasm'))
    .sort();
  it('has at least 15 malformed files', () => expect(files.length).toBeGreaterThanOrEqual(15));
  for (const file of files) {
    it(`${file} → QasmError at the right line`, () => {
      const text = readFileSync(join(corpusDir, file), 'utf8');
      const m = /^\/\/ expect: line (\d+): (.*)$/m.exec(text.split('\n')[0]);
      expect(m, 'first line must be "// expect: line N: message"').not.toBeNull();
      let err: unknown = null;
      try {
        parseQasm(text);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(QasmError);
      const q = err as QasmError;
      expect(q.line).toBe(Number(m![1]));
      expect(q.message).toContain(m![2]);
      expect(q.message).toMatch(new RegExp(`^${q.line}:${q.column}: `));
      expect(q.column).toBeGreaterThanOrEqual(1);
    });
  }

  it('reports the column of the offending token', () => {
    try {
      parseQasm(`${HEADER}qreg q[2];\nh q[0]; cx q[0], q[1];\n  foo q[1];`);
      throw new Error('no error');
    } catch (e) {
      expect((e as QasmError).message).toBe("5:3: unknown gate 'foo'");
    }
  });
});

describe('parseQasm: language', () => {
  it('flattens several registers in declaration order and broadcasts', () => {
    const c = parseQasm(
      `${HEADER}qreg a[2];\nqreg b[2];\ncreg m[2];\ncreg n[2];\nh a;\ncx a, b;\ncx a[0], b;\nmeasure b -> n;\nmeasure a[1] -> m[0];\nbarrier a, b[0];`,
    );
    expect(c.numQubits).toBe(4);
    expect(c.numClbits).toBe(4);
    const ops = c.ops.map((o) =>
      o.kind === 'gate'
        ? `${o.name}${o.qubits.join('')}`
        : o.kind === 'measure'
          ? `m${o.qubit}${o.clbit}`
          : `b${o.qubits.join('')}`,
    );
    expect(ops).toEqual(['h0', 'h1', 'cx02', 'cx13', 'cx02', 'cx03', 'm22', 'm33', 'm10', 'b012']);
  });

  it('rejects a gate definition that declares a name twice, or one name as both parameter and qubit', () => {
    expect(() => parseQasm(`${HEADER}gate g(t, t) a { rz(t) a; }`)).toThrow(/parameter 't' declared twice/);
    expect(() => parseQasm(`${HEADER}gate g a, b, a { cx a, b; }`)).toThrow(/qubit argument 'a' declared twice/);
    expect(() => parseQasm(`${HEADER}gate g(t) t { h t; }`)).toThrow(/'t' is both a parameter and a qubit argument/);
    const c = parseQasm(`${HEADER}gate g(s, t) a, b { rz(s) a; rz(t) b; }\nqreg q[2];\ng(0.5, 0.25) q[1], q[0];`);
    expect(c.ops.map((o) => (o.kind === 'gate' ? [o.name, o.qubits[0], o.params[0]] : o.kind))).toEqual([
      ['rz', 1, 0.5],
      ['rz', 0, 0.25],
    ]);
  });

  it('evaluates parameter expressions with the usual precedence', () => {
    const cases: [string, number][] = [
      ['pi/2', Math.PI / 2],
      ['-pi', -Math.PI],
      ['1+2*3', 7],
      ['(1+2)*3', 9],
      ['2^3^2', 512],
      ['-2^2', -4],
      ['2*-3', -6],
      ['ln(exp(1.5))', 1.5],
      ['sqrt(16)/2', 2],
      ['sin(pi/2)+cos(0)-tan(0)', 2],
      ['1.5e-3', 0.0015],
      ['.5', 0.5],
      ['3/4/2', 0.375],
      ['-(-(2))', 2],
      ['+1', 1],
    ];
    for (const [text, value] of cases) {
      const c = parse1(`rz(${text}) q[0];`, 1);
      expect((c.ops[0] as GateOp).params[0], text).toBeCloseTo(value, 14);
    }
  });

  it('expands nested user gates with parameters and qubit arguments', () => {
    const c = parseQasm(`${HEADER}qreg q[3];
      gate inner(t) a, b { ry(t) a; cx a, b; }
      gate outer(x, y) a, b, c { inner(x*2) b, c; inner(-y) c, a; barrier a, b; }
      outer(0.25, pi) q[0], q[1], q[2];`);
    expect(c.ops.map((o) => o.kind === 'gate' && [o.name, o.qubits, o.params])).toEqual([
      ['ry', [1], [0.5]],
      ['cx', [1, 2], []],
      ['ry', [2], [-Math.PI]],
      ['cx', [2, 0], []],
    ]);
  });

  it('knows the built-ins U and CX without qelib1.inc and skips comments', () => {
    const c = parseQasm('// c\nOPENQASM 2.0; /* block\ncomment */ qreg q[2];\nU(pi/2, 0, pi) q[0]; CX q[0], q[1];');
    const sv = simulate(c);
    expect(sv.probability(0)).toBeCloseTo(0.5, 14);
    expect(sv.probability(3)).toBeCloseTo(0.5, 14);
  });
});

describe('parseQasm: qelib1.inc gate semantics', () => {
  const t = 0.83,
    p = -1.21,
    l = 2.4,
    gm = 0.37;
  const cases: [string, number, Float64Array][] = [
    ['u3(0.83,-1.21,2.4) q[0];', 1, g1('u', [t, p, l])],
    ['u2(-1.21,2.4) q[0];', 1, g1('u', [Math.PI / 2, p, l])],
    ['u1(2.4) q[0];', 1, g1('p', [l])],
    ['u(0.83,-1.21,2.4) q[0];', 1, g1('u', [t, p, l])],
    ['u0(0.5) q[0];', 1, g1('id')],
    ['id q[0];', 1, g1('id')],
    ['sx q[0];', 1, g1('sx')],
    ['sxdg q[0];', 1, g1('sxdg')],
    ['ch q[0], q[1];', 2, controlled(g1('h'), 2)],
    ['cu3(0.83,-1.21,2.4) q[0], q[1];', 2, controlled(g1('u', [t, p, l]), 2)],
    ['cu(0.83,-1.21,2.4,0.37) q[0], q[1];', 2, controlled(g1('u', [t, p, l]), 2, [Math.cos(gm), Math.sin(gm)])],
    ['csx q[0], q[1];', 2, controlled(g1('sx'), 2)],
    ['cu1(2.4) q[0], q[1];', 2, controlled(g1('p', [l]), 2)],
    ['cp(2.4) q[0], q[1];', 2, controlled(g1('p', [l]), 2)],
    ['c3x q[0], q[1], q[2], q[3];', 4, controlled(g1('x'), 4)],
    ['c3sqrtx q[0], q[1], q[2], q[3];', 4, controlled(g1('sx'), 4)],
    ['c4x q[0], q[1], q[2], q[3], q[4];', 5, controlled(g1('x'), 5)],
    ['ccx q[0], q[1], q[2];', 3, controlled(g1('x'), 3)],
  ];
  for (const [stmt, n, expected] of cases) {
    it(stmt, () => expectMatrixClose(unitaryOf(parse1(stmt, n)), expected));
  }

  it('cswap swaps the targets when the control is set', () => {
    const u = unitaryOf(parse1('cswap q[0], q[1], q[2];', 3));
    for (let k = 0; k < 8; k++) {
      const out = k & 1 ? (k & 1) | ((k & 2) << 1) | ((k & 4) >> 1) : k;
      expect(u[2 * (out * 8 + k)]).toBeCloseTo(1, 14);
    }
  });

  it('rzz and rxx are exp(−iθ/2 Z⊗Z) and exp(−iθ/2 X⊗X)', () => {
    const c = Math.cos(t / 2),
      s = Math.sin(t / 2);
    const zz = unitaryOf(parse1(`rzz(${t}) q[0], q[1];`, 2));
    const xx = unitaryOf(parse1(`rxx(${t}) q[0], q[1];`, 2));
    const ezz = new Float64Array(32),
      exx = new Float64Array(32);
    for (let i = 0; i < 4; i++) {
      const sign = i === 0 || i === 3 ? -1 : 1;
      ezz[2 * (i * 4 + i)] = c;
      ezz[2 * (i * 4 + i) + 1] = sign * s;
      exx[2 * (i * 4 + i)] = c;
      exx[2 * (i * 4 + (i ^ 3)) + 1] = -s;
    }
    expectMatrixClose(zz, ezz);
    expectMatrixClose(xx, exx);
  });

  it('rccx and rc3x are Toffolis up to relative phases', () => {
    for (const [stmt, n] of [
      ['rccx q[0], q[1], q[2];', 3],
      ['rc3x q[0], q[1], q[2], q[3];', 4],
    ] as const) {
      const u = unitaryOf(parse1(stmt, n));
      const d = 2 ** n,
        ctrl = d / 2 - 1;
      for (let k = 0; k < d; k++) {
        const out = (k & ctrl) === ctrl ? k ^ (d / 2) : k;
        expect(Math.hypot(u[2 * (out * d + k)], u[2 * (out * d + k) + 1]), `${stmt} |${k}⟩`).toBeCloseTo(1, 12);
      }
    }
  });

  it('supports every qelib1.inc gate name', () => {
    const names = [
      'u3(1,2,3)',
      'u2(1,2)',
      'u1(1)',
      'cx',
      'id',
      'u0(1)',
      'u(1,2,3)',
      'p(1)',
      'x',
      'y',
      'z',
      'h',
      's',
      'sdg',
      't',
      'tdg',
      'rx(1)',
      'ry(1)',
      'rz(1)',
      'sx',
      'sxdg',
      'cz',
      'cy',
      'swap',
      'ch',
      'ccx',
      'cswap',
      'crx(1)',
      'cry(1)',
      'crz(1)',
      'cu1(1)',
      'cp(1)',
      'cu3(1,2,3)',
      'csx',
      'cu(1,2,3,4)',
      'rxx(1)',
      'rzz(1)',
      'rccx',
      'rc3x',
      'c3x',
      'c3sqrtx',
      'c4x',
    ];
    const arity: Record<string, number> = { ccx: 3, cswap: 3, rccx: 3, rc3x: 4, c3x: 4, c3sqrtx: 4, c4x: 5 };
    for (const call of names) {
      const name = call.replace(/\(.*/, '');
      const k = arity[name] ?? (/^(c|swap|rxx|rzz)/.test(name) && name !== 'c' ? 2 : 1);
      const qs = Array.from({ length: k }, (_, i) => `q[${i}]`).join(',');
      const c = parse1(`${call} ${qs};`, 5);
      expect(simulate(c).norm(), call).toBeCloseTo(1, 12);
    }
  });
});

describe('toQasm / round trip', () => {
  function randomUnitary1(rng: ReturnType<typeof createRng>): Float64Array {
    const u = g1('u', [3 * rng.next(), 6 * rng.next() - 3, 6 * rng.next() - 3]);
    const a = 6 * rng.next(),
      c = Math.cos(a),
      s = Math.sin(a);
    for (let i = 0; i < 8; i += 2) {
      const r = u[i],
        m = u[i + 1];
      u[i] = c * r - s * m;
      u[i + 1] = s * r + c * m;
    }
    return u;
  }

  it('random circuit → toQasm → parseQasm gives the same gates and amplitudes', () => {
    for (let seed = 0; seed < 60; seed++) {
      const rng = createRng(1000 + seed);
      const n = 1 + rng.int(6);
      const c = randomCircuit(n, 40, seed);
      c.ops.splice(rng.int(c.ops.length + 1), 0, {
        kind: 'gate',
        name: 'unitary',
        qubits: [rng.int(n)],
        params: [],
        matrix: randomUnitary1(rng),
      });
      c.ops.push({ kind: 'barrier', qubits: [0] }, { kind: 'measure', qubit: n - 1, clbit: 0 });
      c.numClbits = 1;
      const back = parseQasm(toQasm(c));
      expect(back.numQubits).toBe(n);
      expect(back.numClbits).toBe(1);
      expect(back.ops.length).toBe(c.ops.length);
      c.ops.forEach((o, i) => {
        const b = back.ops[i];
        if (o.kind !== 'gate' || o.name === 'unitary') return;
        expect(b.kind === 'gate' && [b.name, b.qubits, b.params]).toEqual([o.name, o.qubits, o.params]);
      });
      const a = simulate(c),
        bsv = simulate(back);
      expect(a.fidelity(bsv)).toBeCloseTo(1, 12);
    }
  });

  it('writes π multiples symbolically and other numbers exactly', () => {
    expect(formatAngle(Math.PI)).toBe('pi');
    expect(formatAngle(-Math.PI / 2)).toBe('-pi/2');
    expect(formatAngle((3 * Math.PI) / 4)).toBe('3*pi/4');
    expect(formatAngle(0.1)).toBe('0.1');
    expect(formatAngle(1e-20)).toBe('1e-20');
    const c = parse1('rz(1e-20) q[0]; rx(3*pi/4) q[0];', 1);
    expect((c.ops[0] as GateOp).params[0]).toBe(1e-20);
    expect(toQasm(c)).toContain('rx(3*pi/4) q[0];');
  });

  it('refuses multi-qubit unitary ops it cannot express', () => {
    const m = gateMatrix({ kind: 'gate', name: 'cx', qubits: [0, 1], params: [] });
    expect(() =>
      toQasm({
        numQubits: 2,
        numClbits: 0,
        ops: [{ kind: 'gate', name: 'unitary', qubits: [0, 1], params: [], matrix: m }],
      }),
    ).toThrow(/no OpenQASM 2.0 form/);
  });
});

describe('parseQasm robustness', () => {
  const valid = `${HEADER}qreg q[3];\ncreg c[3];\ngate g(a) x, y { rx(a/2) x; cx x, y; }\nh q;\ng(pi/3) q[0], q[2];\ncu3(1,2,3) q[1], q[0];\nmeasure q -> c;\n`;
  const junk = fc.constantFrom(
    ';',
    '(',
    ')',
    '[',
    ']',
    '{',
    '}',
    ',',
    '->',
    'q',
    'pi',
    '-',
    '^',
    '/*',
    '*/',
    '//',
    '"',
    'gate',
    'qreg',
    '9',
    '1e',
    'h',
    '\n',
    ' ',
    'é',
    '\0',
  );

  it('mutated programs either parse or throw QasmError — nothing else', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat(8), fc.array(junk, { maxLength: 3 })), { maxLength: 6 }),
        (edits) => {
          let text = valid;
          for (const [pos, del, ins] of edits) {
            const at = pos % (text.length + 1);
            text = text.slice(0, at) + ins.join('') + text.slice(at + del);
          }
          try {
            parseQasm(text);
          } catch (e) {
            expect(e).toBeInstanceOf(QasmError);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('arbitrary strings throw QasmError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        expect(() => parseQasm(s)).toThrow(QasmError);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses pathological nesting without a stack overflow', () => {
    const deep = `${HEADER}qreg q[1];\nrz(${'('.repeat(50_000)}1${')'.repeat(50_000)}) q[0];`;
    expect(() => parseQasm(deep)).toThrow(/nested too deeply/);
    const minus = `${HEADER}qreg q[1];\nrz(${'-'.repeat(50_000)}1) q[0];`;
    expect(() => parseQasm(minus)).toThrow(QasmError);
  });
});
