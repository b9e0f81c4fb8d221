/** The command line's window on the world, injectable so tests call `main(argv, io)` directly. */
import { readFileSync } from 'node:fs';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
  readStdin(): string;
}

export const nodeIo: CliIo = {
  stdout: (text) => { process.stdout.write(text); },
  stderr: (text) => { process.stderr.write(text); },
  readFile: (path) => readFileSync(path, 'utf8'),
  readStdin: () => readFileSync(0, 'utf8'),
};

/** Writes exactly one line "error: …" to stderr (newlines inside the message are flattened). */
export function reportError(io: CliIo, err: unknown): void {
  const raw = err instanceof Error ? err.message : String(err);
  const message = raw.replace(/\s*\n\s*/g, ' ').trim() || 'unknown error';
  io.stderr(`error: ${message}\n`);
}

/** Runs a CLI main and exits with its code (stdout is flushed first). */
export function runAndExit(main: (argv: readonly string[], io: CliIo) => number | Promise<number>): void {
  Promise.resolve()
    .then(() => main(process.argv.slice(2), nodeIo))
    .then((code) => { process.exitCode = code; })
    .catch((err) => { reportError(nodeIo, err); process.exitCode = 1; });
}
