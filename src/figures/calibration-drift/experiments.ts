import type { ExperimentName } from '../../experiments/registry';

export const CD_EXPERIMENT = 'calibration-drift' satisfies ExperimentName;
