/** Public API of the learning models behind the `baseline-race` figure (pure, seeded, no DOM). */
export * from './datasets';
export * from './optim';
export * from './common';
export * from './logistic';
export * from './mlp';
export * from './vqc';
export * from './runners';
export * from './experiment';
export {
  DEFAULT_RACE_PARAMS,
  RACE_METHOD,
  RaceRun,
  checkRaceParams,
  raceParams,
  raceSteps,
  runRace,
  runRaceAsync,
  sampleGrid,
  yieldToEventLoop,
} from './race';
export type {
  DecisionGrid,
  ModelEpoch,
  ModelInfo,
  RaceCheckpoint,
  RaceContext,
  RaceData,
  RaceEpoch,
  RaceOverrides,
  RaceParams,
  RaceResult,
} from './race';
export * from './sweep';
