/** Public API of the simulator (pure TypeScript, no DOM). */
export * from './types';
export { createRng, deriveSeed, type Rng } from './rng';
export {
  gateMatrix,
  writeGateMatrix,
  gateArity,
  validateGateOp,
  inverseGate,
  adjointMatrix,
  controlledBase,
} from './gates';
export {
  StateVector,
  simulate,
  checkStateVectorSize,
  STATE_VECTOR_HARD_MAX,
  type StateVectorOptions,
} from './statevector';
export {
  parsePauli,
  pauliString,
  observableTerms,
  pauliExpectation,
  type PauliMasks,
  type PauliTerm,
  type Observable,
} from './pauli';
export { parity, popcount } from './bits';
export {
  CdfSampler,
  sampleCounts,
  sampleIndices,
  formatBitstring,
  countsToBitstrings,
  pauliBasisRotation,
  estimateExpectation,
} from './sampling';
export {
  parameterShiftGradient,
  adjointGradient,
  finiteDifferenceGradient,
  gateDerivativeMatrix,
  trainableParameters,
  bindParameters,
  expectationValue,
  DIFFERENTIABLE_GATES,
} from './gradient';
export { CircuitBuilder, randomCircuit, type RandomCircuitOptions } from './circuit-builder';
export { parseQasm, toQasm, formatAngle, QasmError, QASM_LIMITS } from './qasm';
export { circuitStats, type CircuitStats } from './stats';
// density-matrix side (src/sim/density.ts, channels.ts, noise.ts, readout.ts: another helper's modules)
export * from './density';
export * from './channels';
export * from './noise';
export * from './readout';
