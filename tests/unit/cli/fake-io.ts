/** An in-memory CliIo for tests: files, stdin, environment, and a clock that advances `tickMs` per read. */
import { InputError, type CliIo } from '../../../src/cli/io';

export interface FakeIo extends CliIo {
  out: string;
  err: string;
  clockReads: number;
}

export function fakeIo(
  opts: { files?: Record<string, string>; stdin?: string; env?: Record<string, string>; tickMs?: number } = {},
): FakeIo {
  const files = opts.files ?? {};
  let t = 0;
  const bounded = (text: string, max: number, what: string) => {
    if (Buffer.byteLength(text, 'utf8') > max) throw new InputError(`${what} is larger than ${max} bytes`);
    return text;
  };
  const io: FakeIo = {
    out: '',
    err: '',
    clockReads: 0,
    stdout(text) {
      io.out += text;
    },
    stderr(text) {
      io.err += text;
    },
    readFile(path, max) {
      if (!(path in files))
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      return bounded(files[path], max, `'${path}'`);
    },
    readStdin: (max) => bounded(opts.stdin ?? '', max, 'standard input'),
    now() {
      io.clockReads++;
      t += opts.tickMs ?? 0;
      return t;
    },
    env: (name) => opts.env?.[name],
  };
  return io;
}
