/**
 * Noise eats depth: the figure's pure model. The data come from the `noise-vs-depth` experiment
 * (src/experiments/noise-vs-depth: density-matrix simulation under a device noise model, run in the
 * worker pool); this file maps steps to noise configurations, builds the experiment's parameters from
 * the figure's URL parameters, and computes the step-0 ideal curve cheaply (state vector) so the
 * pre-rendered page carries it. No DOM, no React.
 */
import type {
  DepthPoint,
  NoiseConfigResult,
  NoiseVsDepthData,
  NoiseVsDepthParams,
} from '../../experiments/noise-vs-depth';
import { defaultObservable, familyBlock } from '../../experiments/noise-vs-depth/circuits';
import { getDevice, type DeviceProfile } from '../../sim/noise';
import { StateVector } from '../../sim/statevector';
import { clampStep } from '../../story/steps';
import type { NoiseVsDepthFigureParams } from './meta';

export { NVD_DEFAULTS, type NoiseVsDepthFigureParams } from './meta';

export const LAST_STEP = 4;
/** The noisy configuration each step adds beside the ideal one. */
export const STEP_CONFIG = ['ideal', 'gate', 'decoherence', 'readout', 'all'] as const;
export type StepConfig = (typeof STEP_CONFIG)[number];
/** Every configuration is computed in one experiment run, so scrolling between steps is instant. */
export const ALL_CONFIGS: string[] = [...STEP_CONFIG];
/** A signal is lost when |⟨O⟩| < K_SIGMA · standard error (about 95 % two-sided). */
export const K_SIGMA = 2;

/** The experiment parameters for the figure's parameters. */
export function experimentParams(p: NoiseVsDepthFigureParams): NoiseVsDepthParams {
  return {
    family: p.family,
    qubits: p.qubits,
    maxDepth: p.depth,
    device: p.device,
    configs: ALL_CONFIGS,
    shots: p.shots,
    k: K_SIGMA,
    seed: p.seed,
    observable: defaultObservable(p.family, p.qubits),
    scale: 1,
    gateScale: p.gate,
    decoherenceScale: p.decoherence,
    readoutScale: p.readout,
  };
}

/** Configurations drawn at a step: the ideal one and the step's noisy one (step 0: ideal only). */
export function configsForStep(step: number): StepConfig[] {
  const s = clampStep(step, LAST_STEP);
  return s === 0 ? ['ideal'] : ['ideal', STEP_CONFIG[s]];
}

/**
 * The ideal configuration from the state-vector simulator (exact: fidelity 1, no shot sample), cheap
 * enough for render (a few thousand gates on ≤ 64 amplitudes).
 */
export function idealConfig(
  p: Pick<NoiseVsDepthFigureParams, 'family' | 'qubits' | 'depth' | 'shots' | 'seed'>,
): NoiseConfigResult {
  const n = p.qubits;
  const obs = defaultObservable(p.family, n);
  const sv = new StateVector(n);
  const points: DepthPoint[] = [];
  let gates = 0,
    two = 0;
  let depthLost: number | null = null;
  for (let d = 1; d <= p.depth; d++) {
    const block = familyBlock(p.family, n, d, p.seed);
    for (const op of block.ops) {
      if (op.kind !== 'gate') continue;
      gates++;
      if (op.qubits.length === 2) two++;
    }
    sv.run(block);
    const v = sv.expectation(obs);
    const stderr = Math.sqrt(Math.max(0, 1 - v * v) / p.shots);
    const resolvable = Math.abs(v) >= K_SIGMA * stderr;
    if (!resolvable && depthLost === null) depthLost = d;
    points.push({
      depth: d,
      gates,
      twoQubitGates: two,
      fidelity: 1,
      ideal: v,
      noisy: v,
      stderr,
      sampled: NaN,
      resolvable,
    });
  }
  return { index: 0, config: 'ideal', label: 'ideal (noiseless)', points, depthLost };
}

export function configOf(data: NoiseVsDepthData | undefined, config: string): NoiseConfigResult | undefined {
  return data?.configs.find((c) => c.config === config);
}

export function deviceOf(p: NoiseVsDepthFigureParams): DeviceProfile {
  return getDevice(p.device);
}

/** Depths listed in the text alternative's table. */
export function tableDepths(maxDepth: number): number[] {
  const marks = [1, 5, 10, 25, 50, 100, 150, 200, 250, 300, 350, 400];
  const out = marks.filter((d) => d <= maxDepth);
  if (out[out.length - 1] !== maxDepth) out.push(maxDepth);
  return out;
}

/** Every `stride`-th depth (and the last), for the sampled dots: at most ~60 per series. */
export function sampledDepths(maxDepth: number, maxDots = 60): number[] {
  const stride = Math.max(1, Math.ceil(maxDepth / maxDots));
  const out: number[] = [];
  for (let d = stride; d <= maxDepth; d += stride) out.push(d);
  return out;
}

/** Observable name as a reader sees it: X⊗X⊗X⊗X, or Z on qubit 0. */
export function observableLabel(family: 'ghz' | 'layered', n: number): string {
  return family === 'ghz' ? `⟨${Array.from({ length: n }, () => 'X').join('⊗')}⟩` : '⟨Z₀⟩';
}

/** Physical error figures of a device after the reader's factors, for the controls' labels. */
export function scaledFigures(
  dev: DeviceProfile,
  p: Pick<NoiseVsDepthFigureParams, 'gate' | 'decoherence' | 'readout'>,
) {
  return {
    twoQubitError: dev.twoQubitError === null ? null : dev.twoQubitError * p.gate,
    t1_us: dev.t1_us === null ? null : p.decoherence > 0 ? dev.t1_us / p.decoherence : Infinity,
    t2_us: dev.t2_us === null ? null : p.decoherence > 0 ? dev.t2_us / p.decoherence : Infinity,
    readout:
      dev.readoutError === null ? null : Math.min(0.5, ((dev.readoutError.p01 + dev.readoutError.p10) / 2) * p.readout),
  };
}
