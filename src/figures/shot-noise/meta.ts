/** Static facts about the shot-noise figure: URL parameters (with bounds) and sources. */
import { defineFigureMeta } from '../../story/figure-types';
import { defaultParams, defineParams, seedParam, type ParamsOf } from '../../story/params';

/** Parameters of the figure (kept in the URL). Defined here, not in model.ts, so that the article
 * bundle, which imports this file through the registry, does not pull in the simulator. */
export const shotNoiseParamSpec = defineParams({
  /** Rotation angle θ in radians. */
  theta: { type: 'number', label: 'θ (rad)', default: 1.1, min: 0, max: Math.PI },
  /** Shots per run in the last, interactive step (the comparison uses 100× this). */
  shots: { type: 'int', label: 'N (shots per run)', default: 10_000, min: 1, max: 10_000 },
  seed: seedParam(20_260_401),
  /** Repeated runs per histogram, whatever N. */
  runs: { type: 'int', label: 'runs per histogram', default: 400, min: 20, max: 2000 },
});

export type ShotNoiseParams = ParamsOf<typeof shotNoiseParamSpec>;
export const SHOT_NOISE_DEFAULTS = defaultParams(shotNoiseParamSpec);

export const shotNoiseMeta = defineFigureMeta('shot-noise', shotNoiseParamSpec, [
  { label: 'Computed in the browser by this article’s state-vector simulator (src/sim) with its seeded sampler' },
]);
