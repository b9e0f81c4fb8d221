/**
 * Issue 15 for the CLIs: one exit-code convention (2 refused, 1 failed run), a cap on input read before
 * it is all in memory (/dev/zero included), terminal-safe one-line errors, progress on long runs and
 * --timeout. Time is the fake clock of fake-io.ts (it advances per read), never the wall clock.
 */
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { main as simMain, SIM_HELP } from '../../../src/cli/sim-main';
import { main as experimentMain, EXPERIMENT_HELP } from '../../../src/cli/experiment-main';
import { DEFAULT_MAX_INPUT_BYTES, InputError, readBounded, reportError } from '../../../src/cli/io';
import { fakeIo, type FakeIo } from './fake-io';

const HEADER = 'OPENQASM 2.0;\ninclude "qelib1.inc";\n';
const X0 = `${HEADER}qreg q[2];\nx q[0];\n`;
const LONG = `${HEADER}qreg q[3];\n${'h q[0];\ncx q[0],q[1];\n'.repeat(50)}`;
const CCX = `${HEADER}qreg q[3];\nccx q[0],q[1],q[2];\n`;

function expectOneLine(io: FakeIo, pattern: RegExp): void {
  expect(io.out).toBe('');
  expect(io.err.endsWith('\n')).toBe(true);
  expect(io.err.trimEnd().split('\n')).toHaveLength(1);
  expect(io.err).toMatch(/^error: /);
  expect(io.err).toMatch(pattern);
}

describe('defect 9: exit codes — 2 for usage and validation, 1 for a failed run', () => {
  const files = {
    'x.qasm': X0,
    'ccx.qasm': CCX,
    'bad.qasm': `${HEADER}qreg q[1];\nfoo q[0];\n`,
    'big.qasm': `${HEADER}qreg q[3];\nh q[2];\n`,
  };
  const sim: Array<[string[], number, RegExp]> = [
    [[], 2, /missing command/],
    [['run', 'x.qasm', '--noise', 'nope'], 2, /unknown device 'nope'/],
    [['run', 'x.qasm', '--shots', '0'], 2, /below the minimum/],
    [['run', 'missing.qasm'], 2, /no such file/],
    [['run', 'bad.qasm'], 2, /bad\.qasm:4:1: unknown gate 'foo'/],
    [['run', 'big.qasm', '--max-qubits', '2'], 2, /limit is 2 qubits/],
    [['run', 'ccx.qasm', '--noise', 'ibm_boston'], 2, /3-qubit gate 'ccx' is not modelled/],
    [['run', 'x.qasm', '--timeout', 'soon'], 2, /--timeout: 'soon' is not a number/],
    [['run', 'x.qasm', '--max-input-bytes', '-1'], 2, /--max-input-bytes/],
  ];
  for (const [argv, code, pattern] of sim) {
    it(`sim ${argv.join(' ') || '(nothing)'} → ${code}`, async () => {
      const io = fakeIo({ files });
      expect(await simMain(argv, io)).toBe(code);
      expectOneLine(io, pattern);
    });
  }

  const experiment: Array<[string[], number, RegExp]> = [
    [[], 2, /missing experiment name/],
    [['noise-vs-depth', '--device', 'nope'], 2, /unknown device 'nope'/],
    [['noise-vs-depth', '--observable', 'QQ'], 2, /QQ/],
    [['baseline-race', '--until', '40', '--epochs', '5'], 2, /0…5 \(got 40\)/],
    [['barren-plateau', '--qubits', '2,2,2'], 2, /--qubits: 2 is listed twice/],
    [['calibration-drift', '--device', 'nope'], 2, /unknown device 'nope'/],
    [['barren-plateau', '--timeout', '-3'], 2, /--timeout: -3 is below the minimum 0/],
  ];
  for (const [argv, code, pattern] of experiment) {
    it(`experiment ${argv.join(' ') || '(nothing)'} → ${code}`, async () => {
      const io = fakeIo();
      expect(await experimentMain(argv, io)).toBe(code);
      expectOneLine(io, pattern);
    });
  }

  it('--help documents the convention and exits 0', async () => {
    for (const [run, help] of [
      [simMain, SIM_HELP],
      [experimentMain, EXPERIMENT_HELP],
    ] as const) {
      const io = fakeIo();
      expect(await run(['--help'], io)).toBe(0);
      expect(io.out).toBe(help);
      expect(io.out).toMatch(/Exit codes: 0 success; 2 .*refused/s);
      expect(io.out).toMatch(/1 the run failed \(timeout/);
      expect(io.out).toMatch(/--timeout SECONDS/);
    }
  });

  it('a list without duplicates still gives one row per value', async () => {
    const io = fakeIo();
    expect(await experimentMain(['barren-plateau', '--qubits', '2,3', '--layers', '2', '--samples', '20'], io)).toBe(0);
    expect(io.out.trimEnd().split('\n')).toHaveLength(3);
  });
});

/** A timed-out run: progress lines, then exactly one error line; nothing on stdout. */
function expectTimedOut(io: FakeIo, pattern: RegExp): void {
  expect(io.out).toBe('');
  const lines = io.err.trimEnd().split('\n');
  expect(lines.at(-1)).toMatch(/^error: /);
  expect(lines.at(-1)).toMatch(pattern);
  for (const l of lines.slice(0, -1)) expect(l).toMatch(/^progress /);
}

describe('defect 10: progress on long runs and --timeout', () => {
  it('sim: a run past its budget stops with one line and exit 1, nothing on stdout', async () => {
    const io = fakeIo({ files: { 'long.qasm': LONG }, tickMs: 1000 });
    expect(await simMain(['run', 'long.qasm', '--timeout', '5'], io)).toBe(1);
    expectTimedOut(io, /stopped after the time budget of 5 seconds \(--timeout 5\)/);
    expect(io.clockReads).toBeLessThan(10); // stopped within a few operations of the deadline
  });

  it('sim: a long run reports progress on stderr and still prints its result', async () => {
    const io = fakeIo({ files: { 'long.qasm': LONG }, tickMs: 1000 });
    expect(await simMain(['run', 'long.qasm'], io)).toBe(0);
    expect(JSON.parse(io.out).qubits).toBe(3);
    const lines = io.err.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines)
      expect(l).toMatch(
        /^progress \d+% \([\d,]+ of 100 operations, [\d.]+ (seconds?|minutes?) elapsed, about .* left\)$/,
      );
  });

  it('sim: a short run prints nothing on stderr, and --progress reports from the start', async () => {
    const quiet = fakeIo({ files: { 'x.qasm': X0 } });
    expect(await simMain(['run', 'x.qasm'], quiet)).toBe(0);
    expect(quiet.err).toBe('');
    const verbose = fakeIo({ files: { 'long.qasm': LONG } });
    expect(await simMain(['run', 'long.qasm', '--progress'], verbose)).toBe(0);
    expect(verbose.err.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(50);
  });

  it('sim --noise honours the budget too', async () => {
    const io = fakeIo({ files: { 'long.qasm': LONG }, tickMs: 1000 });
    expect(await simMain(['run', 'long.qasm', '--noise', 'ibm_boston', '--timeout', '3'], io)).toBe(1);
    expectTimedOut(io, /time budget of 3 seconds/);
  });

  it('experiment: the budget is checked between the steps of the computation', async () => {
    const io = fakeIo({ tickMs: 1000 });
    expect(await experimentMain(['barren-plateau', '--qubits', '2:4', '--samples', '100', '--timeout', '4'], io)).toBe(
      1,
    );
    expectTimedOut(io, /stopped after the time budget of 4 seconds/);
    const ok = fakeIo({ tickMs: 1000 });
    expect(
      await experimentMain(
        ['barren-plateau', '--qubits', '2', '--layers', '2', '--samples', '20', '--timeout', '0'],
        ok,
      ),
    ).toBe(0);
    expect(ok.out).toMatch(/^qubits,layers/);
  });
});

describe('defect 2 (CLI): input is capped before it is all read', () => {
  it('refuses standard input and files over the cap with one line and exit 2', async () => {
    const io = fakeIo({ stdin: X0 });
    expect(await simMain(['run', '-', '--max-input-bytes', '10'], io)).toBe(2);
    expectOneLine(io, /standard input is larger than 10 bytes/);
    const env = fakeIo({ files: { 'x.qasm': X0 }, env: { QML_MAX_INPUT_BYTES: '20' } });
    expect(await simMain(['run', 'x.qasm'], env)).toBe(2);
    expectOneLine(env, /larger than 20 bytes/);
    const ok = fakeIo({ files: { 'x.qasm': X0 }, env: { QML_MAX_INPUT_BYTES: '20' } });
    expect(await simMain(['run', 'x.qasm', '--max-input-bytes', '1000'], ok)).toBe(0);
  });

  it('readBounded stops at the cap on an endless device and refuses a large file from its size', () => {
    const zero = openSync('/dev/zero', 'r');
    try {
      expect(() => readBounded(zero, 1 << 20, 'standard input')).toThrow(InputError);
    } finally {
      closeSync(zero);
    }
    const dir = mkdtempSync(join(tmpdir(), 'qml-io-'));
    writeFileSync(join(dir, 'f.qasm'), X0);
    const fd = openSync(join(dir, 'f.qasm'), 'r');
    try {
      expect(() => readBounded(fd, 10, "'f.qasm'")).toThrow(/'f\.qasm' is larger than 10 bytes/);
    } finally {
      closeSync(fd);
    }
    expect(DEFAULT_MAX_INPUT_BYTES).toBe(32 * 1024 * 1024);
  });

  it('the real CLI on /dev/zero stops at the cap with one line and exit 2 (it grew without limit before)', () => {
    const zero = openSync('/dev/zero', 'r');
    try {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', 'run', '-'], {
        stdio: [zero, 'pipe', 'pipe'],
        env: { ...process.env, QML_MAX_INPUT_BYTES: String(4 << 20) },
        timeout: 60_000,
        encoding: 'utf8',
      });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `error: standard input is larger than 4,194,304 bytes (raise the cap with --max-input-bytes or QML_MAX_INPUT_BYTES)\n`,
      );
    } finally {
      closeSync(zero);
    }
  });
});

describe('defect 3 (CLI): errors are safe to print', () => {
  it('escapes control characters from file names, flags and messages, and caps the line', async () => {
    const io = fakeIo();
    expect(await simMain(['run', 'evil\u001b]0;title\u0007.qasm'], io)).toBe(2);
    expect(io.err).not.toMatch(/(?!\n)\p{Cc}/u);
    expect(io.err).toContain('\\x1b]0;title\\x07');
    const long = fakeIo();
    reportError(long, new Error(`x${'y'.repeat(1_000_000)}`));
    expect(long.err.length).toBeLessThan(1100);
    expect(long.err).toMatch(/… \(1,000,001 characters\)\n$/);
  });

  it('a QASM error with escape sequences reaches stderr escaped', async () => {
    const io = fakeIo({ files: { 'e.qasm': `${HEADER}include "\u001b[2J";\n` } });
    expect(await simMain(['run', 'e.qasm'], io)).toBe(2);
    expect(io.err).not.toContain('\u001b');
    expect(io.err).toMatch(/cannot include "\\x1b\[2J"/);
  });
});
