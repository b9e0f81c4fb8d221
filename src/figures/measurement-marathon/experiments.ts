import type { ExperimentName } from '../../experiments/registry';

export const MARATHON_EXPERIMENT = 'barren-plateau' satisfies ExperimentName;
