/** Static facts about the shot-noise figure: URL parameters (with bounds) and sources. */
import type { FigureMeta } from '../../story/figure-types';

/** Parameters of the figure (kept in the URL). Defined here, not in model.ts, so that the article
 * bundle, which imports this file through the registry, does not pull in the simulator. */
export interface ShotNoiseParams {
  /** Rotation angle θ in radians. */
  theta: number;
  /** Shots per run in the last, interactive step (the comparison uses 100× this). */
  shots: number;
  seed: number;
  /** Repeated runs per histogram, whatever N. */
  runs: number;
}

export const SHOT_NOISE_DEFAULTS: ShotNoiseParams = { theta: 1.1, shots: 10_000, seed: 20_260_401, runs: 400 };

export const shotNoiseParamSpec = {
  theta: { type: 'number', label: 'θ (rad)', default: SHOT_NOISE_DEFAULTS.theta, min: 0, max: Math.PI },
  shots: { type: 'int', label: 'N (shots per run)', default: SHOT_NOISE_DEFAULTS.shots, min: 1, max: 10_000 },
  seed: { type: 'int', label: 'seed', default: SHOT_NOISE_DEFAULTS.seed, min: 0, max: 4_294_967_295 },
  runs: { type: 'int', label: 'runs per histogram', default: SHOT_NOISE_DEFAULTS.runs, min: 20, max: 2000 },
} as const;

export const shotNoiseMeta: FigureMeta<typeof shotNoiseParamSpec> = {
  id: 'shot-noise',
  params: shotNoiseParamSpec,
  sources: [
    { label: 'Computed in the browser by this article’s state-vector simulator (src/sim) with its seeded sampler' },
  ],
};
