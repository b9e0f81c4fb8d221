/**
 * `npm run experiment -- NAME [flags] [--format csv|json] [--progress] [--timeout SECONDS]` runs a
 * registered experiment (src/experiments/registry.ts) in this process and prints CSV (default: the
 * experiment's columns, one row per line) or JSON ({ meta, rows }). `npm run experiment -- list` lists
 * the experiments and their flags. Runs longer than a few seconds report progress on stderr (every percent
 * with --progress); --timeout stops them. A value the experiment refuses (its `normalize`) is a usage
 * error like a malformed flag: exit 2. Exit codes: see io.ts.
 */
import { loadExperiment } from '../experiments/definitions';
import { EXPERIMENT_NAMES } from '../experiments/registry';
import { parseChoice, UsageError } from '../experiments/args';
import { finalize, runRaw } from '../experiments/run';
import type { ExperimentDefinition } from '../experiments/types';
import { toCsv, toJson } from './format';
import { asTimeout, DeadlineSignal, PROGRESS_HELP, runClock, runCommand, timeoutMs, type CliIo } from './io';

export const EXPERIMENT_USAGE =
  'usage: npm run experiment -- NAME [flags] [--format csv|json] [--progress] [--timeout SECONDS]  (NAME: list to see all)';

export const EXPERIMENT_HELP = `${EXPERIMENT_USAGE}

Runs one experiment (the computation behind a figure) and prints its rows on stdout.
\`npm run experiment -- list\` lists the experiments and their flags.

  --format csv|json     CSV rows (default) or JSON with the method, parameters and seed
${PROGRESS_HELP}
  --timeout SECONDS     stop a run that takes longer (default: no limit)

Exit codes: 0 success; 2 the command line was refused (unknown experiment or flag, a bad or
inconsistent value, a duplicate in a list); 1 the run failed (timeout, internal error).
Errors are one line on stderr.
`;

/** Pulls the CLI-level flags (--format, --progress, --timeout) out; the rest go to the experiment's parser. */
function splitCliFlags(args: readonly string[]): {
  format: 'csv' | 'json';
  progress: boolean;
  timeout?: string;
  rest: string[];
} {
  let format: 'csv' | 'json' = 'csv';
  let progress = false;
  let seenFormat = false;
  let timeout: string | undefined;
  const rest: string[] = [];
  const value = (a: string, i: number, name: string) => {
    const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[i + 1];
    if (v === undefined || v === '') throw new UsageError(`flag ${name} needs a value`);
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format' || a.startsWith('--format=')) {
      if (seenFormat) throw new UsageError('flag --format given twice');
      seenFormat = true;
      format = parseChoice(value(a, i, '--format'), '--format', ['csv', 'json'] as const);
      if (!a.includes('=')) i++;
    } else if (a === '--timeout' || a.startsWith('--timeout=')) {
      if (timeout !== undefined) throw new UsageError('flag --timeout given twice');
      timeout = value(a, i, '--timeout');
      if (!a.includes('=')) i++;
    } else if (a === '--progress') progress = true;
    else rest.push(a);
  }
  return { format, progress, timeout, rest };
}

/** The experiment's own parsing and validation, as a usage error (exit 2) whatever they throw. */
function paramsOrRefuse<P, S, D>(def: ExperimentDefinition<P, S, D>, args: readonly string[]): P {
  try {
    return def.normalize(def.cli.parseArgs(args) as Partial<P>);
  } catch (err) {
    throw err instanceof UsageError ? err : new UsageError(`${def.name}: ${(err as Error).message}`);
  }
}

export async function experimentCommand(argv: readonly string[], io: CliIo): Promise<string> {
  const [name, ...args] = argv;
  if (name === undefined || name.startsWith('--')) throw new UsageError(`missing experiment name; ${EXPERIMENT_USAGE}`);
  if (name === 'list') {
    const defs = await Promise.all(EXPERIMENT_NAMES.map((n) => loadExperiment(n)));
    return `${defs.map((d) => `${d.name}: ${d.description}\n  ${d.cli.usage}`).join('\n')}\n`;
  }
  let def;
  try {
    def = await loadExperiment(name);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { format, progress, timeout, rest } = splitCliFlags(args);
  const budget = timeoutMs(timeout);
  const params = paramsOrRefuse(def, rest);
  const clock = runClock(io, { timeoutMs: budget, unit: 'work units', verbose: progress });
  const signal = new DeadlineSignal(clock);
  let samples;
  try {
    samples = runRaw(def, params, undefined, { signal, onProgress: (done, total) => clock.tick(done, total) });
  } catch (err) {
    throw asTimeout(err, signal);
  }
  const result = finalize(def, params, samples);
  const rows = def.cli.rows(result.data);
  return format === 'json' ? toJson({ meta: result.meta, rows }) : toCsv(def.cli.columns, rows);
}

export function main(argv: readonly string[], io: CliIo): Promise<number> {
  return runCommand(argv, io, EXPERIMENT_HELP, () => experimentCommand(argv, io));
}
