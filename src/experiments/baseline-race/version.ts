/** `<name>@<n>` like every experiment; bumped whenever a change alters the numbers a seed and parameter set produce. */
export const RACE_VERSION = 'baseline-race@1';
