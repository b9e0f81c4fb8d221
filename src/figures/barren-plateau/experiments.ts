import type { ExperimentName } from '../../experiments/registry';

export const BP_EXPERIMENT = 'barren-plateau' satisfies ExperimentName;
