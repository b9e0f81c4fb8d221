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
import { defaultObservable } from '../../experiments/noise-vs-depth/circuits';
import { deviceSummary, type DeviceSummary } from '../../sim/device-summary';
import { pickParams } from '../../story/params';
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
    ...pickParams(p, ['family', 'qubits', 'device', 'shots', 'seed']),
    maxDepth: p.depth,
    configs: ALL_CONFIGS,
    k: K_SIGMA,
    observable: defaultObservable(p.family, p.qubits),
    // The figure's three factors scale the device's error rates separately; no overall factor.
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
 * The ideal (noiseless) configuration of the GHZ family in closed form: block 1 prepares GHZ with H and
 * n − 1 CX, every later block undoes and redoes the CX chain (2(n − 1) CX), so the state is GHZ at every
 * depth and ⟨X⊗…⊗X⟩ = 1 exactly (zero shot noise: ±1 eigenstate). The experiment computes the same
 * configuration with the simulator (a unit test holds the two equal). The layered family has no closed
 * form: its ideal curve comes with the experiment's data (undefined here).
 */
export function idealConfig(
  p: Pick<NoiseVsDepthFigureParams, 'family' | 'qubits' | 'depth'>,
): NoiseConfigResult | undefined {
  if (p.family !== 'ghz') return undefined;
  const n = p.qubits;
  const points: DepthPoint[] = [];
  for (let d = 1; d <= p.depth; d++) {
    const echoCx = 2 * (n - 1) * (d - 1);
    points.push({
      depth: d,
      gates: n + echoCx,
      twoQubitGates: n - 1 + echoCx,
      fidelity: 1,
      ideal: 1,
      noisy: 1,
      stderr: 0,
      sampled: NaN,
      resolvable: true,
    });
  }
  return { index: 0, config: 'ideal', label: 'ideal (noiseless)', points, depthLost: null };
}

export function configOf(data: NoiseVsDepthData | undefined, config: string): NoiseConfigResult | undefined {
  return data?.configs.find((c) => c.config === config);
}

export function deviceOf(p: NoiseVsDepthFigureParams): DeviceSummary {
  return deviceSummary(p.device);
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
  dev: DeviceSummary,
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
