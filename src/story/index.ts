/** Public API of the story layer: the step model, the scrolly section parts and the figure shell. */
export { Scrolly, type ScrollyProps } from './Scrolly';
export { Step, Notes, stepDomId, type StepProps, type NotesProps } from './Step';
export { collectSteps, isStepElement, isNotesElement, type StepInfo } from './collect';
export {
  activeStep,
  stepProgress,
  triggerOffset,
  nextLayoutSize,
  samePosition,
  clampStep,
  INITIAL_POSITION,
  WIDE_LAYOUT_MIN_WIDTH,
  type StepBounds,
  type StepPosition,
  type LayoutSize,
  type TriggerOptions,
} from './steps';
export { FigureHost, type FigureHostProps } from './FigureHost';
export {
  FigureRegistryContext,
  useFigureRegistry,
  useHasFigureView,
  type FigureEntry,
  type FigureLookup,
  type FigureRegistration,
} from './figure-registry';
export type { FigureMeta, FigureMode, FigureSource, FigureViewProps } from './figure-types';
export {
  parseFigureParams,
  writeFigureParams,
  defaultParams,
  defineParams,
  seedParam,
  paramKey,
  type ParamSpec,
  type ParamsOf,
  type ParamIssue,
} from './params';
export { useFigureParams } from './useFigureParams';
export { usePrefersReducedMotion } from './motion';
export { useExperiment, experimentKey, type ExperimentState, type UseExperimentOptions } from './useExperiment';
