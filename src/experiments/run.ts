/** Runs an experiment definition synchronously (Node, tests, the CLI, and inside a worker). */
import { resolveRange } from './samples';
import type { Experiment, ExperimentContext, ExperimentDefinition, ExperimentResult, ExperimentSpec } from './types';

/** The result envelope for already-computed (possibly merged) samples. */
export function finalize<P, S, D>(def: ExperimentSpec<P, S, D>, params: P, samples: S): ExperimentResult<D, P> {
  return {
    data: def.summarize(params, samples),
    meta: { seed: def.seedOf(params), params, method: def.method(params), version: def.version },
  };
}

/**
 * Raw samples for a range, with progress in work units (`onProgress(done, total, samples)`).
 * Params must already be normalized.
 */
export function runRaw<P, S, D>(
  def: ExperimentDefinition<P, S, D>,
  params: P,
  range: readonly [number, number] | undefined,
  opts: { signal?: AbortSignal; onProgress?(done: number, total: number, samples: S): void } = {},
): S {
  const [start, end] = resolveRange(range, def.sampleCount(params));
  const total = def.workPerSample(params) * (end - start);
  return def.runSamples(params, [start, end], {
    signal: opts.signal,
    onRound: opts.onProgress ? (done, samples) => opts.onProgress!(done, total, samples) : undefined,
  });
}

/** The contract's `Experiment` for a definition: normalizes params, honours sampleRange, signal and onProgress. */
export function runDefinition<P, S, D>(
  def: ExperimentDefinition<P, S, D>,
  input: Partial<P>,
  ctx: ExperimentContext<D> = {},
): ExperimentResult<D, P> {
  const params = def.normalize(input);
  const samples = runRaw(def, params, ctx.sampleRange, {
    signal: ctx.signal,
    onProgress: ctx.onProgress ? (done, total, s) => ctx.onProgress!(done, total, def.summarize(params, s)) : undefined,
  });
  return finalize(def, params, samples);
}

export function asExperiment<P, S, D>(def: ExperimentDefinition<P, S, D>): Experiment<P, D> {
  return (params, ctx) => runDefinition(def, params, ctx);
}

/**
 * A whole definition: its spec plus the worker half. Call it as `/* @__PURE__ *\/ defineExperiment(…)`: a
 * bundle that takes only the spec's re-exports from `<name>/index.ts` (a figure's constant) then drops
 * the sampling and the simulator it imports (an object spread alone does not count as pure).
 */
export function defineExperiment<P, S, D>(
  spec: ExperimentSpec<P, S, D>,
  worker: Pick<ExperimentDefinition<P, S, D>, 'runSamples' | 'cli'>,
): ExperimentDefinition<P, S, D> {
  return { ...spec, ...worker };
}
