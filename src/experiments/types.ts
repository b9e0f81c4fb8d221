/**
 * The experiment contract (ARCHITECTURE.md): pure, seeded, cancellable functions that turn simulator runs
 * into figure datasets, plus the pieces that let a pool split one run across workers and merge exactly.
 *
 * Every experiment indexes its random samples by an integer k in [0, sampleCount(params)). Sample k draws
 * its randomness from `deriveSeed(seed, …coordinates, k)`, so any split of [0, K) into ranges, computed
 * anywhere, merges into bit-identical data.
 */

export interface ExperimentMeta<P> {
  seed: number;
  params: P;
  /** One paragraph a reader can check: protocol, conventions, estimators. */
  method: string;
  /** `<name>@<n>`; bumped whenever the numbers an experiment produces would change. */
  version: string;
}

export interface ExperimentResult<D, P> {
  data: D;
  meta: ExperimentMeta<P>;
}

export interface ExperimentContext<D> {
  /** Called after each completed round of samples; `partial` is the data computed so far. */
  onProgress?(done: number, total: number, partial?: D): void;
  /** Checked between samples; when aborted the run throws an AbortError. */
  signal?: AbortSignal;
  /** Compute only samples k in [start, end) (default: all). */
  sampleRange?: readonly [number, number];
}

/** The contract's function shape. */
export type Experiment<P, D> = (params: P, ctx?: ExperimentContext<D>) => ExperimentResult<D, P>;

/**
 * How refined a summary of an incomplete sample set is. Experiments order their sample indices coarse
 * first, so every prefix of the index space summarises to a complete, drawable picture at a lower
 * resolution (fewer samples per point, a coarser grid, fewer seeds); figures show `label` as progress.
 */
export interface Refinement {
  /** The resolution the summary is complete at, in the experiment's unit (samples per point, grid points per axis, seeds, …). */
  level: number;
  /** The finished run's resolution in the same unit. */
  target: number;
  /** Reader-facing, e.g. "coarse grid 16×16, refining to 64×64" or "25 of 200 circuits per point". */
  label: string;
}

/** A value that can be written as a CSV cell. */
export type Cell = number | string | boolean | null;
export type Row = Record<string, Cell>;

/**
 * The main-thread half of an experiment: what the worker pool needs to plan a run, merge the workers'
 * samples and summarise them for a figure. Modules that define one import no simulator, so a page that
 * runs an experiment in workers does not load the simulator on its own thread.
 *
 * - P: parameters (JSON-cloneable); S: raw per-sample results (JSON-cloneable, mergeable exactly);
 *   D: the summarised dataset a figure draws.
 * - `merge` must be exact and independent of the order and the split of the parts, and accept no parts
 *   (a run with no samples).
 * - `summarize` must accept incomplete sample sets (partial results while a run is under way).
 */
export interface ExperimentSpec<P, S, D> {
  name: string;
  version: string;
  description: string;
  /** Fills defaults and validates; throws Error with a one-line message on bad values. */
  normalize(params: Partial<P>): P;
  /** Size of the sample index space that can be split across workers. */
  sampleCount(params: P): number;
  /** Units of work per sample index (progress is reported in done/total of these). */
  workPerSample(params: P): number;
  merge(params: P, parts: readonly S[]): S;
  summarize(params: P, samples: S): D;
  method(params: P): string;
  seedOf(params: P): number;
  /**
   * Optional: sample counts n (ascending) at which the index prefix [0, n) summarises to the next complete
   * picture (a refinement level). The pool reports a partial result as soon as its finished samples cover
   * such a prefix, instead of at its next throttled report.
   */
  levelPrefixes?(params: P): readonly number[];
}

/** What `runSamples` is given besides the range: the cancel signal, and a callback after each sample index. */
export interface SampleRunOptions<S> {
  signal?: AbortSignal;
  onRound?(doneWork: number, samples: S): void;
}

/**
 * A whole experiment: its spec plus the sampling (what workers, the CLI and tests run) and the command line.
 * `runSamples` computes samples k ∈ range and calls `onRound` after each k with the raw samples so far.
 */
export interface ExperimentDefinition<P, S, D> extends ExperimentSpec<P, S, D> {
  runSamples(params: P, range: readonly [number, number], opts: SampleRunOptions<S>): S;
  cli: {
    /** Usage line shown in errors, e.g. "barren-plateau --qubits 2:12 --layers 100 …". */
    usage: string;
    /** Parses `--flag value` arguments (after the experiment name) into parameters; throws on bad input. */
    parseArgs(args: readonly string[]): Partial<P>;
    columns: readonly string[];
    rows(data: D): Row[];
  };
}

// One registry holds experiments of different types; P, S and D are both taken and returned by their
// methods, so no single type other than `any` fits every definition.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyOf = any;
export type AnyExperimentSpec = ExperimentSpec<AnyOf, AnyOf, AnyOf>;
export type AnyExperimentDefinition = ExperimentDefinition<AnyOf, AnyOf, AnyOf>;
