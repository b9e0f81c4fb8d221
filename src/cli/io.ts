/**
 * The command line's window on the world, injectable so tests call `main(argv, io)` directly; and the
 * conventions every CLI here shares:
 *
 * - Exit codes: 0 success; 2 the command line or its input was refused before anything ran (unknown
 *   flag, bad value, unknown device, unreadable, too large or invalid input file, a request over a
 *   limit); 1 the run started and failed (time budget exceeded, internal error).
 * - Every failure is exactly one line "error: …" on stderr, safe to print on a terminal (control
 *   characters escaped, at most MAX_ERROR_LINE characters) and nothing on stdout.
 * - Input is read up to a size cap (DEFAULT_MAX_INPUT_BYTES, overridable by a flag or the
 *   QML_MAX_INPUT_BYTES environment variable) and refused beyond it, before it is all in memory.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isAbortError } from '../experiments/abort';
import { UsageError, parseInteger } from '../experiments/args';
import { fmtDuration, fmtInt } from '../format';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Input over this many bytes is refused: 32 MiB, the QASM parser's own limit (QASM_LIMITS.maxInputChars). */
export const DEFAULT_MAX_INPUT_BYTES = 32 * 1024 * 1024;
export const MAX_INPUT_ENV = 'QML_MAX_INPUT_BYTES';
/** Longest error line written (the rest is cut, with a mark). */
export const MAX_ERROR_LINE = 1000;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The file's text; throws InputError when it is larger than `maxBytes`. */
  readFile(path: string, maxBytes: number): string;
  /** Standard input's text; throws InputError when it is larger than `maxBytes`. */
  readStdin(maxBytes: number): string;
  /** Milliseconds on a monotonic clock (progress and --timeout). */
  now(): number;
  env(name: string): string | undefined;
}

/** The input (a file, stdin, a circuit) is refused: exit code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** The run exceeded its --timeout: exit code 1. */
export class TimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimeoutError';
  }
}

export function exitCodeFor(err: unknown): number {
  return err instanceof UsageError || err instanceof InputError ? EXIT_USAGE : EXIT_FAILURE;
}

const tooLarge = (what: string, max: number) =>
  new InputError(
    `${what} is larger than ${fmtInt(max)} bytes (raise the cap with --max-input-bytes or ${MAX_INPUT_ENV})`,
  );

/** Sleeps without an event loop (stdin in non-blocking mode answers EAGAIN until data arrives). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Reads an open descriptor up to `maxBytes`, failing as soon as one byte more arrives: a regular file
 * larger than the cap is refused from its size without reading; a pipe or device (/dev/zero) is read
 * in chunks and stops at the cap.
 */
export function readBounded(fd: number, maxBytes: number, what: string): string {
  const stat = fstatSync(fd);
  if (stat.isFile() && stat.size > maxBytes) throw tooLarge(what, maxBytes);
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(64 * 1024);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'EAGAIN') {
        pause(5);
        continue;
      }
      if (code === 'EOF') break; // Windows pipes
      throw err;
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) throw tooLarge(what, maxBytes);
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

export const nodeIo: CliIo = {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  readFile: (path, maxBytes) => {
    const fd = openSync(path, 'r');
    try {
      return readBounded(fd, maxBytes, `'${path}'`);
    } finally {
      closeSync(fd);
    }
  },
  readStdin: (maxBytes) => readBounded(0, maxBytes, 'standard input'),
  now: () => performance.now(),
  env: (name) => process.env[name],
};

/** The input cap: `--max-input-bytes` if given, else the environment variable, else the default. */
export function maxInputBytes(flag: string | undefined, io: CliIo): number {
  if (flag !== undefined) return parseInteger(flag, '--max-input-bytes', { min: 1, max: 2 ** 31 - 1 });
  const env = io.env(MAX_INPUT_ENV);
  if (env !== undefined && env !== '') return parseInteger(env, MAX_INPUT_ENV, { min: 1, max: 2 ** 31 - 1 });
  return DEFAULT_MAX_INPUT_BYTES;
}

/** `--timeout SECONDS` (0 or absent: no limit) as milliseconds. */
export function timeoutMs(flag: string | undefined): number {
  if (flag === undefined) return Infinity;
  const s = parseInteger(flag, '--timeout', { min: 0, max: 10_000_000 });
  return s === 0 ? Infinity : s * 1000;
}

/** Escapes what a terminal would interpret: C0/C1 controls and DEL (`\p{Cc}`), line separators, bidi overrides. */
export function terminalSafe(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, (c) =>
    c.charCodeAt(0) <= 0xff
      ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`
      : `\\u{${c.charCodeAt(0).toString(16)}}`,
  );
}

/** Writes exactly one line "error: …" to stderr (newlines flattened, controls escaped, length capped). */
export function reportError(io: CliIo, err: unknown): void {
  const raw = err instanceof Error ? err.message : String(err);
  let message = terminalSafe(raw.replace(/\s*\n\s*/g, ' ').trim()) || 'unknown error';
  if (message.length > MAX_ERROR_LINE)
    message = `${message.slice(0, MAX_ERROR_LINE)}… (${fmtInt(message.length)} characters)`;
  io.stderr(`error: ${message}\n`);
}

/**
 * A command's `main`: `--help` or `-h` prints its help; otherwise what the command returns goes to
 * stdout (exit 0), or what it throws to stderr as one line (exit 2 or 1, see exitCodeFor).
 */
export async function runCommand(
  argv: readonly string[],
  io: CliIo,
  help: string,
  command: () => string | Promise<string>,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(help);
    return EXIT_OK;
  }
  try {
    io.stdout(await command());
    return EXIT_OK;
  } catch (err) {
    reportError(io, err);
    return exitCodeFor(err);
  }
}

/** Whole seconds: a progress line has no use for milliseconds. */
const fmtClock = (ms: number) => fmtDuration(Math.round(ms / 1000));

/** Reports progress on stderr once a run is long, and stops it at its time budget. */
export interface RunClock {
  /** Call often with work done so far: prints progress when due; throws TimeoutError past the budget. */
  tick(done: number, total: number): void;
  /** True once past the budget (for AbortSignal-style polling). */
  expired(): boolean;
  timeoutError(): TimeoutError;
}

/** Progress starts after QUIET_MS and repeats every EVERY_MS (every percent with `verbose`). */
export const PROGRESS_QUIET_MS = 2000;
export const PROGRESS_EVERY_MS = 5000;
/** The help line of `--progress`, the same for every command. */
export const PROGRESS_HELP = `  --progress            report progress on stderr from the start (otherwise after ${PROGRESS_QUIET_MS / 1000} s, every ${PROGRESS_EVERY_MS / 1000} s)`;

export function runClock(io: CliIo, opts: { timeoutMs: number; unit: string; verbose?: boolean }): RunClock {
  const start = io.now();
  let nextReport = start + (opts.verbose ? 0 : PROGRESS_QUIET_MS);
  let lastPct = -1;
  const error = () =>
    new TimeoutError(
      `stopped after the time budget of ${fmtClock(opts.timeoutMs)} (--timeout ${opts.timeoutMs / 1000}); nothing was written to stdout`,
    );
  return {
    tick(done, total) {
      const t = io.now();
      if (t - start > opts.timeoutMs) throw error();
      const pct = total > 0 ? Math.floor((100 * done) / total) : 0;
      const due = opts.verbose ? pct !== lastPct : t >= nextReport;
      if (!due || done >= total) return;
      lastPct = pct;
      nextReport = t + PROGRESS_EVERY_MS;
      const elapsed = t - start;
      const left = done > 0 ? (elapsed * (total - done)) / done : NaN;
      io.stderr(
        `progress ${pct}% (${fmtInt(done)} of ${fmtInt(total)} ${opts.unit}, ${fmtClock(elapsed)} elapsed${Number.isFinite(left) ? `, about ${fmtClock(left)} left` : ''})\n`,
      );
    },
    expired: () => io.now() - start > opts.timeoutMs,
    timeoutError: error,
  };
}

/**
 * An AbortSignal whose `aborted` turns true once the clock's budget is spent. The experiments poll
 * `signal.aborted` between steps (their loops are synchronous, so a timer could never fire); reading it
 * here checks the clock.
 */
export class DeadlineSignal extends EventTarget implements AbortSignal {
  private fired = false;
  onabort: ((this: AbortSignal, ev: Event) => unknown) | null = null;
  constructor(private readonly clock: RunClock) {
    super();
  }
  get aborted(): boolean {
    if (!this.fired && this.clock.expired()) {
      this.fired = true;
      const ev = new Event('abort');
      this.onabort?.call(this, ev);
      this.dispatchEvent(ev);
    }
    return this.fired;
  }
  get reason(): unknown {
    return this.fired ? this.clock.timeoutError() : undefined;
  }
  throwIfAborted(): void {
    if (this.aborted) throw this.clock.timeoutError();
  }
}

/** Maps an abort caused by the deadline to the TimeoutError it stands for. */
export function asTimeout(err: unknown, signal: DeadlineSignal): unknown {
  return isAbortError(err) && signal.aborted ? signal.reason : err;
}

/** Runs a CLI main and exits with its code (stdout is flushed first). */
export function runAndExit(main: (argv: readonly string[], io: CliIo) => number | Promise<number>): void {
  // A reader that stops early (`| head`) closes the pipe: that ends the output, it is not a failure.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT_OK);
    throw err;
  });
  Promise.resolve()
    .then(() => main(process.argv.slice(2), nodeIo))
    .then((code) => {
      process.exitCode = code;
    })
    .catch((err) => {
      reportError(nodeIo, err);
      process.exitCode = EXIT_FAILURE;
    });
}
