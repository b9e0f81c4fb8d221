import type { ExperimentName } from '../../experiments/registry';

export const NVD_EXPERIMENT = 'noise-vs-depth' satisfies ExperimentName;
