/**
 * `npm run experiment -- NAME [flags] [--format csv|json] [--progress]` runs a registered experiment
 * (src/experiments/index.ts) in this process and prints CSV (default: the experiment's columns, one row per
 * line) or JSON ({ meta, rows }). `npm run experiment -- list` lists the experiments and their flags.
 */
import { getExperiment, EXPERIMENTS } from '../experiments/index';
import { parseChoice, UsageError } from '../experiments/args';
import { runDefinition } from '../experiments/run';
import { toCsv, toJson } from './format';
import { reportError, type CliIo } from './io';

export const EXPERIMENT_USAGE = 'usage: npm run experiment -- NAME [flags] [--format csv|json] [--progress]  (NAME: list to see all)';

/** Pulls the CLI-level flags (--format, --progress) out; the rest go to the experiment's parser. */
function splitCliFlags(args: readonly string[]): { format: 'csv' | 'json'; progress: boolean; rest: string[] } {
  let format: 'csv' | 'json' = 'csv';
  let progress = false;
  let seenFormat = false;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format' || a.startsWith('--format=')) {
      if (seenFormat) throw new UsageError('flag --format given twice');
      seenFormat = true;
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (v === undefined) throw new UsageError('flag --format needs a value');
      format = parseChoice(v, '--format', ['csv', 'json'] as const);
    } else if (a === '--progress') progress = true;
    else rest.push(a);
  }
  return { format, progress, rest };
}

export function experimentCommand(argv: readonly string[], io: CliIo): string {
  const [name, ...args] = argv;
  if (name === undefined || name.startsWith('--')) throw new UsageError(`missing experiment name; ${EXPERIMENT_USAGE}`);
  if (name === 'list') {
    return `${Object.values(EXPERIMENTS).map((d) => `${d.name}: ${d.description}\n  ${d.cli.usage}`).join('\n')}\n`;
  }
  let def;
  try { def = getExperiment(name); } catch (err) { throw new UsageError((err as Error).message); }
  const { format, progress, rest } = splitCliFlags(args);
  const input = def.cli.parseArgs(rest);
  let lastPct = -1;
  const result = runDefinition(def, input, {
    onProgress: progress
      ? (done: number, total: number) => {
        const pct = Math.floor((100 * done) / total);
        if (pct !== lastPct) { lastPct = pct; io.stderr(`progress ${pct}%\n`); }
      }
      : undefined,
  });
  const rows = def.cli.rows(result.data);
  return format === 'json' ? toJson({ meta: result.meta, rows }) : toCsv(def.cli.columns, rows);
}

export function main(argv: readonly string[], io: CliIo): number {
  try {
    io.stdout(experimentCommand(argv, io));
    return 0;
  } catch (err) {
    reportError(io, err);
    return err instanceof UsageError ? 2 : 1;
  }
}
