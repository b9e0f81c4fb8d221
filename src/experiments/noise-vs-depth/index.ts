/**
 * Noise against depth: for a circuit family at n qubits and depth d = 1…D, under a device's noise model with
 * sources switched on and off, the fidelity with the ideal state, an observable ideal and noisy (as
 * measured: basis-change gates are noisy too and readout error applies), its shot-noise standard error for
 * a shot budget, a seeded shot-sampled estimate, and the first depth where |signal| < k·stderr.
 *
 * The sample index space is the list of noise configurations, so configurations run in parallel workers;
 * within one configuration depth grows incrementally (one density-matrix pass per block).
 */
import { DensityMatrix } from '../../sim/density';
import { deviceNoiseModel, getDevice, type NoiseModel } from '../../sim/noise';
import { parity } from '../../sim/bits';
import { parsePauli } from '../../sim/pauli';
import { createRng, deriveSeed } from '../../sim/rng';
import { CdfSampler, pauliBasisRotation } from '../../sim/sampling';
import { StateVector } from '../../sim/statevector';
import { circuitStats } from '../../sim/stats';
import type { Circuit } from '../../sim/types';
import { throwIfAborted } from '../abort';
import { parseChoice, parseInteger, parseNumber, readFlags, readSeed, UsageError } from '../args';
import { resolveRange } from '../samples';
import { defineExperiment } from '../run';
import type { Row, SampleRunOptions } from '../types';
import { familyBlock, FAMILIES } from './circuits';
import {
  MAX_QUBITS,
  noiseVsDepthSpec,
  parseConfig,
  type DepthPoint,
  type NoiseConfigResult,
  type NoiseVsDepthData,
  type NoiseVsDepthParams,
  type NoiseVsDepthSamples,
} from './spec';

export * from './spec';

function modelFor(p: NoiseVsDepthParams, config: string): NoiseModel | undefined {
  const on = parseConfig(config);
  if (on.size === 0) return undefined;
  return deviceNoiseModel(getDevice(p.device), {
    gate: on.has('gate'),
    decoherence: on.has('decoherence'),
    readout: on.has('readout'),
    scale: {
      gate: p.scale * (p.gateScale ?? 1),
      decoherence: p.scale * (p.decoherenceScale ?? 1),
      readout: p.scale * (p.readoutScale ?? 1),
    },
  });
}

/** ⟨O⟩ as measured: the basis change is run (noisily) on a copy, readout error applied, parity averaged. */
function measuredExpectation(
  rho: DensityMatrix,
  rotation: Circuit,
  support: number,
  noise: NoiseModel | undefined,
): { value: number; probs: Float64Array } {
  const m = rho.clone();
  if (rotation.ops.length) m.run(rotation, noise);
  const probs = m.measuredProbabilities(noise);
  let value = 0;
  for (let i = 0; i < probs.length; i++) value += parity(i & support) ? -probs[i] : probs[i];
  return { value, probs };
}

function runConfig(p: NoiseVsDepthParams, index: number, signal: AbortSignal | undefined): NoiseConfigResult {
  const config = p.configs[index];
  const noise = modelFor(p, config);
  const n = p.qubits;
  const rho = new DensityMatrix(n, { maxQubits: MAX_QUBITS });
  const ideal = new StateVector(n);
  const rotation: Circuit = { numQubits: n, numClbits: 0, ops: pauliBasisRotation(p.observable, n) };
  const { support } = parsePauli(p.observable, n);
  const points: DepthPoint[] = [];
  let gates = 0,
    two = 0;
  let depthLost: number | null = null;
  for (let d = 1; d <= p.maxDepth; d++) {
    throwIfAborted(signal);
    const block = familyBlock(p.family, n, d, p.seed);
    const st = circuitStats(block);
    gates += st.singleQubitGates + st.twoQubitGates + st.multiQubitGates;
    two += st.twoQubitGates;
    rho.run(block, noise);
    ideal.run(block);
    const { value: noisy, probs } = measuredExpectation(rho, rotation, support, noise);
    const stderr = Math.sqrt(Math.max(0, 1 - noisy * noisy) / p.shots);
    const sampler = new CdfSampler(probs);
    const rng = createRng(deriveSeed(p.seed, n, d, index));
    const sum = sampler.sumSigns(rng, p.shots, support);
    const resolvable = Math.abs(noisy) >= p.k * stderr;
    if (!resolvable && depthLost === null) depthLost = d;
    points.push({
      depth: d,
      gates,
      twoQubitGates: two,
      fidelity: rho.fidelityWithPure(ideal),
      ideal: ideal.expectation(p.observable),
      noisy,
      stderr,
      sampled: sum / p.shots,
      resolvable,
    });
  }
  return { index, config, label: noise?.label ?? 'ideal (noiseless)', points, depthLost };
}

function runSamples(
  p: NoiseVsDepthParams,
  range: readonly [number, number],
  opts: SampleRunOptions<NoiseVsDepthSamples>,
): NoiseVsDepthSamples {
  const [start, end] = resolveRange(range, p.configs.length);
  const out: NoiseVsDepthSamples = { configs: [] };
  for (let i = start; i < end; i++) {
    out.configs.push(runConfig(p, i, opts.signal));
    opts.onRound?.((i - start + 1) * p.maxDepth, out);
  }
  return out;
}

/** `--configs ideal,gate`: each name checked by parseConfig. */
function readConfigs(s: string, flag: string): Partial<NoiseVsDepthParams> {
  const configs = s.split(',');
  for (const c of configs) {
    try {
      parseConfig(c);
    } catch (e) {
      throw new UsageError(`${flag}: ${(e as Error).message}`);
    }
  }
  return { configs };
}

function parseArgs(args: readonly string[]): Partial<NoiseVsDepthParams> {
  return readFlags<NoiseVsDepthParams>(args, {
    family: (s, flag) => ({ family: parseChoice(s, flag, FAMILIES) }),
    qubits: (s, flag) => ({ qubits: parseInteger(s, flag, { min: 2, max: MAX_QUBITS }) }),
    depth: (s, flag) => ({ maxDepth: parseInteger(s, flag, { min: 1, max: 500 }) }),
    device: (device) => ({ device }),
    configs: readConfigs,
    shots: (s, flag) => ({ shots: parseInteger(s, flag, { min: 1, max: 1e9 }) }),
    k: (s, flag) => ({ k: parseNumber(s, flag, { min: 0 }) }),
    seed: readSeed,
    observable: (observable) => ({ observable }),
    scale: (s, flag) => ({ scale: parseNumber(s, flag, { min: 0 }) }),
    'gate-scale': (s, flag) => ({ gateScale: parseNumber(s, flag, { min: 0 }) }),
    'decoherence-scale': (s, flag) => ({ decoherenceScale: parseNumber(s, flag, { min: 0 }) }),
    'readout-scale': (s, flag) => ({ readoutScale: parseNumber(s, flag, { min: 0 }) }),
  });
}

export const noiseVsDepth = /* @__PURE__ */ defineExperiment(noiseVsDepthSpec, {
  runSamples,
  cli: {
    usage:
      'noise-vs-depth --family ghz|layered --qubits 4 --depth 20 --device ibm_boston [--configs ideal,gate,decoherence,readout,all] [--shots 1000] [--k 2] [--seed 1] [--observable XXXX] [--scale 1] [--gate-scale 1] [--decoherence-scale 1] [--readout-scale 1]',
    parseArgs,
    columns: [
      'config',
      'depth',
      'gates',
      'twoQubitGates',
      'fidelity',
      'ideal',
      'noisy',
      'stderr',
      'sampled',
      'resolvable',
      'depthLost',
    ],
    rows: (d: NoiseVsDepthData): Row[] =>
      d.configs.flatMap((c) => c.points.map((pt) => ({ config: c.config, ...pt, depthLost: c.depthLost }))),
  },
});
