import { describe, expect, it } from 'vitest';
import { main as simMain } from '../../../src/cli/sim-main';
import { main as experimentMain } from '../../../src/cli/experiment-main';
import { fakeIo } from './fake-io';

const fakeIoOf = (files: Record<string, string> = {}, stdin = '') => fakeIo({ files, stdin });

const HEADER = 'OPENQASM 2.0;\ninclude "qelib1.inc";\n';
const X0 = `${HEADER}qreg q[2];\nx q[0];\n`;
const BELL = `${HEADER}qreg q[2];\nh q[0];\ncx q[0],q[1];\n`;

function expectOneLineError(io: { out: string; err: string }, code: number, pattern: RegExp): void {
  expect(code).not.toBe(0);
  expect(io.out).toBe('');
  expect(io.err.endsWith('\n')).toBe(true);
  expect(io.err.trimEnd().split('\n')).toHaveLength(1);
  expect(io.err).toMatch(pattern);
}

describe('npm run sim', () => {
  it('prints probabilities with qubit n−1 … 0 bit order (x q[0] on 2 qubits → "01")', async () => {
    const io = fakeIoOf({ 'x.qasm': X0 });
    expect(await simMain(['run', 'x.qasm'], io)).toBe(0);
    const out = JSON.parse(io.out);
    expect(out.qubits).toBe(2);
    expect(out.probabilities).toEqual({ '01': 1 });
    expect(out.stats.gates).toBe(1);
    expect(typeof out.stats.simulate_ms).toBe('number');
    expect(Object.keys(out)).toEqual(['qubits', 'probabilities', 'stats']);
    expect(io.err).toBe('');
  });

  it('reads standard input with "-": a Bell circuit lists 00 and 11 at probability 1/2 each and nothing else', async () => {
    const io = fakeIoOf({}, BELL);
    expect(await simMain(['run', '-'], io)).toBe(0);
    const p = JSON.parse(io.out).probabilities;
    expect(Object.keys(p).sort()).toEqual(['00', '11']);
    // (|00⟩ + |11⟩)/√2
    expect(p['00']).toBeCloseTo(0.5, 12);
    expect(p['11']).toBeCloseTo(0.5, 12);
  });

  it('samples seeded counts with --shots: Bell outcomes only, 00 within 4σ = 4·√(1000 · ¼) = 63 of 500', async () => {
    const a = fakeIoOf({ 'b.qasm': BELL }),
      b = fakeIoOf({ 'b.qasm': BELL });
    await simMain(['run', 'b.qasm', '--shots', '1000', '--seed', '3'], a);
    await simMain(['run', 'b.qasm', '--shots=1000', '--seed=3'], b);
    const counts = JSON.parse(a.out).counts;
    expect(Object.values(counts).reduce((s: number, v) => s + (v as number), 0)).toBe(1000);
    expect(Object.keys(counts).every((k) => k === '00' || k === '11')).toBe(true);
    expect(Math.abs(counts['00'] - 500)).toBeLessThan(4 * Math.sqrt(1000 * 0.25));
    expect(a.out.replace(/"simulate_ms":[0-9.e-]+/, '')).toBe(b.out.replace(/"simulate_ms":[0-9.e-]+/, ''));
  });

  it('uses the density matrix and readout error with --noise DEVICE', async () => {
    const io = fakeIoOf({ 'x.qasm': X0 });
    expect(await simMain(['run', 'x.qasm', '--noise', 'ibm_boston'], io)).toBe(0);
    const out = JSON.parse(io.out);
    expect(out.noise).toMatch(/ibm_boston/);
    expect(out.probabilities['01']).toBeLessThan(0.999);
    expect(out.probabilities['01']).toBeGreaterThan(0.98);
    expect(out.probabilities['00']).toBeGreaterThan(0); // readout flips
  });

  it('fails with one line on stderr for every kind of error', async () => {
    const cases: Array<[string[], RegExp, Record<string, string>?]> = [
      [[], /missing command/],
      [['walk', 'x.qasm'], /unknown command 'walk'/],
      [['run'], /missing circuit file/],
      [['run', 'x.qasm', '--colour', 'red'], /unknown flag --colour/],
      [['run', 'x.qasm', '--shots', 'many'], /--shots: 'many' is not a number/],
      [['run', 'x.qasm', '--shots', '0'], /--shots: 0 is below the minimum 1/],
      [['run', 'x.qasm', '--noise', 'ibm_nowhere'], /unknown device 'ibm_nowhere'/],
      [['run', 'missing.qasm'], /cannot read 'missing.qasm': no such file/],
      [['run', 'bad.qasm'], /bad\.qasm:4:1: .*foo/, { 'bad.qasm': `${HEADER}qreg q[1];\nfoo q[0];\n` }],
      [
        ['run', 'big.qasm', '--max-qubits', '2'],
        /refused: the limit is 2 qubits/,
        { 'big.qasm': `${HEADER}qreg q[3];\nh q[2];\n` },
      ],
      [['run', 'x.qasm', '--max-qubits', '99'], /--max-qubits: 99 is above the maximum/],
    ];
    for (const [argv, pattern, files] of cases) {
      const io = fakeIoOf(files ?? { 'x.qasm': X0 });
      expectOneLineError(io, await simMain(argv, io), pattern);
    }
  });
});

describe('npm run experiment', () => {
  it('prints CSV rows per (qubits, layers) with the documented columns', async () => {
    const io = fakeIo();
    expect(
      await experimentMain(
        ['barren-plateau', '--qubits', '2:3', '--layers', '4,6', '--samples', '20', '--seed', '1'],
        io,
      ),
    ).toBe(0);
    const lines = io.out.trimEnd().split('\n');
    expect(lines[0].startsWith('qubits,layers,samples,mean,variance')).toBe(true);
    expect(lines).toHaveLength(5);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
      '2,4,20',
      '2,6,20',
      '3,4,20',
      '3,6,20',
    ]);
    const variance = Number(lines[1].split(',')[4]);
    expect(variance).toBeGreaterThan(0);
  });

  it('barren-plateau with the RX-product ansatz and global cost: Var = (1/8)(3/8)^(n−1) (Cerezo et al. 2021) within 4σ', async () => {
    const io = fakeIo();
    const argv = [
      '--qubits',
      '1:3',
      '--layers',
      '1',
      '--ansatz',
      'rx-product',
      '--cost',
      'global',
      '--samples',
      '2000',
    ];
    expect(await experimentMain(['barren-plateau', ...argv, '--seed', '1'], io)).toBe(0);
    const [head, ...rows] = io.out.trimEnd().split('\n');
    const col = (name: string) => head.split(',').indexOf(name);
    // n = 1, 2, 3: 1/8 = 0.125, 3/64 = 0.046875, 9/512 = 0.017578
    const want = [0.125, 0.046875, 0.017578125];
    rows.forEach((line, i) => {
      const r = line.split(',').map(Number);
      expect(r[col('qubits')]).toBe(i + 1);
      expect(Math.abs(r[col('variance')] - want[i])).toBeLessThan(4 * r[col('varianceStderr')]);
    });
    expect(rows).toHaveLength(3);
  });

  it('prints JSON with meta and is reproducible from the seed', async () => {
    const a = fakeIo(),
      b = fakeIo();
    await experimentMain(
      ['barren-plateau', '--qubits', '2', '--layers', '3', '--samples', '10', '--format', 'json', '--cost', 'local'],
      a,
    );
    await experimentMain(
      ['barren-plateau', '--qubits', '2', '--layers', '3', '--samples', '10', '--format', 'json', '--cost', 'local'],
      b,
    );
    const out = JSON.parse(a.out);
    expect(out.meta.version).toBe('barren-plateau@1');
    expect(out.meta.params.cost).toBe('local');
    expect(out.meta.method).toMatch(/UNBIASED/);
    expect(out.rows).toHaveLength(1);
    expect(a.out).toBe(b.out);
  });

  it('runs noise-vs-depth (ideal GHZ rows: 3 + 4(d − 1) gates, ⟨XXX⟩ = 1) and lists experiments', async () => {
    const io = fakeIo();
    expect(
      await experimentMain(['noise-vs-depth', '--qubits', '3', '--depth', '4', '--configs', 'ideal,all'], io),
    ).toBe(0);
    const lines = io.out.trimEnd().split('\n');
    expect(lines[0]).toBe('config,depth,gates,twoQubitGates,fidelity,ideal,noisy,stderr,sampled,resolvable,depthLost');
    expect(lines).toHaveLength(9);
    // GHZ on 3 qubits: H + 2 CX, then 4 CX per echo block; the ideal ⟨XXX⟩ is 1 at every depth.
    const ideal = lines.slice(1, 5).map((l) => l.split(','));
    expect(ideal.map((r) => [r[0], r[1], r[2], r[3]].join(','))).toEqual([
      'ideal,1,3,2',
      'ideal,2,7,6',
      'ideal,3,11,10',
      'ideal,4,15,14',
    ]);
    for (const r of ideal) expect(Number(r[5])).toBeCloseTo(1, 12);
    const list = fakeIo();
    expect(await experimentMain(['list'], list)).toBe(0);
    expect(list.out).toMatch(/barren-plateau/);
    expect(list.out).toMatch(/noise-vs-depth/);
  });

  it('fails with one line on stderr for bad input', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /missing experiment name/],
      [['quantum-supremacy'], /unknown experiment 'quantum-supremacy'/],
      [['barren-plateau', '--qubits', 'two'], /--qubits: 'two' is not a number/],
      [['barren-plateau', '--layers', '9:3'], /--layers: range '9:3' is empty/],
      [['barren-plateau', '--cost', 'huge'], /--cost: 'huge' is not one of zz, global, local/],
      [['barren-plateau', '--format', 'xml'], /--format: 'xml'/],
      [['barren-plateau', '--qubits', '12', '--noise', '0.1'], /capped at 10 qubits/],
      [['barren-plateau', '--frobnicate', '1'], /unknown flag --frobnicate/],
      [['noise-vs-depth', '--configs', 'gate+magic'], /magic/],
      [['noise-vs-depth', '--device', 'nowhere'], /unknown device 'nowhere'/],
    ];
    for (const [argv, pattern] of cases) {
      const io = fakeIo();
      expectOneLineError(io, await experimentMain(argv, io), pattern);
    }
  });
});
