import type { ExperimentName } from '../../experiments/registry';

export const LANDSCAPE_EXPERIMENT = 'landscape' satisfies ExperimentName;
