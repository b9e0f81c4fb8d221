/**
 * CPU time of every worker-pool experiment at the parameters the article requests (each figure's
 * defaults, see src/figures/<id>/model.ts), single-threaded in Node: the numbers behind "a figure's
 * work fits in its budget". Each run is timed twice: cold (first in the process: includes JIT warm-up,
 * as a fresh worker sees it) and warm. CPU time (user + system) is reported because the machine may be
 * shared; wall time is printed beside it. Also: the same run in one-sample calls (what a worker's short
 * chunks add), and the CPU time of the shortest prefix of the sample index space that `summarize` turns
 * into a complete coarse picture (its refinement label is printed).
 *
 * `npm run bench -- experiments`.
 */
import { loadExperiment } from '../src/experiments';
import { runRaw } from '../src/experiments/run';
import { levelPrefix } from '../src/experiments/landscape';
import { runsPerReplicate } from '../src/experiments/baseline-race/sweep';
import { experimentParams as nvdParams, NVD_DEFAULTS } from '../src/figures/noise-vs-depth/model';
import { experimentParams as cdParams, CD_DEFAULTS } from '../src/figures/calibration-drift/model';
import { raceOverrides, sweepOverrides } from '../src/figures/baseline-race/model';
import { sceneFor } from '../src/figures/barren-plateau/model';
import { storyRun, customRun } from '../src/figures/landscape/model';
import { SWEEP_QUBITS } from '../src/figures/measurement-marathon/model';
import { baselineRaceParamSpec } from '../src/figures/baseline-race/meta';
import { barrenPlateauParamSpec } from '../src/figures/barren-plateau/meta';
import { landscapeParamSpec } from '../src/figures/landscape/meta';
import { marathonParamSpec } from '../src/figures/measurement-marathon/meta';

type Spec = Record<string, { default: unknown }>;
const defaults = <S extends Spec>(spec: S) =>
  Object.fromEntries(Object.entries(spec).map(([k, v]) => [k, v.default])) as { [K in keyof S]: S[K]['default'] };

interface Case {
  label: string;
  name: string;
  params: object;
}

function cases(): Case[] {
  const br = defaults(baselineRaceParamSpec) as never;
  const bp = defaults(barrenPlateauParamSpec) as never;
  const ls = defaults(landscapeParamSpec) as never;
  const mm = defaults(marathonParamSpec) as { layers: number; samples: number; seed: number };
  const out: Case[] = [
    { label: 'baseline-race (40 epochs)', name: 'baseline-race', params: raceOverrides(br) },
    { label: 'baseline-race-sweep (48 runs)', name: 'baseline-race-sweep', params: sweepOverrides(br) },
    { label: 'landscape story (n = 2, 6, 10; L 100; 64²)', name: 'landscape', params: storyRun(ls) },
    { label: 'landscape custom (n = 12; L 100; 64²)', name: 'landscape', params: customRun(ls) },
  ];
  const seen = new Set<string>();
  for (let step = 0; step <= 4; step++) {
    for (const s of sceneFor(step, bp).series) {
      const key = JSON.stringify(s.run);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        label: `barren-plateau step ${step} ${s.key} (n ${s.run.qubits[0]}…${s.run.qubits.at(-1)}, L ${s.run.layers[0]}, ${s.run.samples}/pt)`,
        name: 'barren-plateau',
        params: s.run,
      });
    }
  }
  const mmRun = {
    qubits: SWEEP_QUBITS,
    layers: [mm.layers],
    samples: mm.samples,
    seed: mm.seed,
    cost: 'zz',
    ansatz: 'mcclean',
    noise: 0,
  };
  if (!seen.has(JSON.stringify(mmRun)))
    out.push({ label: 'measurement-marathon', name: 'barren-plateau', params: mmRun });
  else
    out.push({
      label: 'measurement-marathon (= barren-plateau steps 1–2, shared cache)',
      name: 'barren-plateau',
      params: mmRun,
    });
  out.push({ label: 'calibration-drift', name: 'calibration-drift', params: cdParams(CD_DEFAULTS) });
  out.push({ label: 'noise-vs-depth (5 configs, depth 300)', name: 'noise-vs-depth', params: nvdParams(NVD_DEFAULTS) });
  return out;
}

function cpuMs(fn: () => void): { cpu: number; wall: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000, wall: performance.now() - t0 };
}

/** Refinement info of a summarised prefix, if the experiment reports it. */
function refinementOf(data: unknown): string {
  const r = (data as { refinement?: { label?: string } } | null)?.refinement;
  return r?.label ?? '';
}

/** The shortest prefix of the sample index space that summarises to a complete coarse picture. */
function firstPicture(name: string, params: never, count: number): number {
  // params are the normalised parameters of the named experiment
  if (name === 'landscape') return levelPrefix(params, 0);
  if (name === 'baseline-race-sweep') return runsPerReplicate(params);
  if (name === 'barren-plateau') return Math.max(2, Math.ceil(count / 8));
  return 1;
}

export async function run(): Promise<void> {
  const only = process.env.BENCH_EXPERIMENT;
  console.log(
    'experiment at article defaults: CPU ms cold / warm (wall ms warm); the same run in one-sample calls (per-chunk overhead); first complete coarse picture: CPU ms of the shortest prefix that gives one (barren-plateau: 1/8 of the circuits per point; landscape: the 16×16 level; sweep: one seed)',
  );
  for (const c of cases()) {
    if (only && !c.label.includes(only)) continue;
    const def = await loadExperiment(c.name);
    const params = def.normalize(c.params);
    const cold = cpuMs(() => runRaw(def, params, undefined));
    const warm = cpuMs(() => runRaw(def, params, undefined));
    const count = def.sampleCount(params);
    // The same run in one-sample calls, merged as a worker merges its chunks: the per-call overhead.
    const chunked = cpuMs(() => {
      const parts: unknown[] = [];
      for (let k = 0; k < count; k++) parts.push(runRaw(def, params, [k, k + 1]));
      def.merge(params, parts);
    });
    const prefix = firstPicture(c.name, params as never, count);
    let samples: unknown;
    const first = cpuMs(() => {
      samples = runRaw(def, params, [0, prefix]);
    });
    const label = refinementOf(def.summarize(params, samples));
    console.log(
      `   ${c.label.padEnd(64)} ${cold.cpu.toFixed(0).padStart(6)} / ${warm.cpu.toFixed(0).padStart(6)} ms (${warm.wall.toFixed(0)} ms wall)` +
        `   in ${count} one-sample calls: ${chunked.cpu.toFixed(0)} ms` +
        `   first ${prefix}/${count}: ${first.cpu.toFixed(0)} ms${label ? ` → ${label}` : ''}`,
    );
  }
}
