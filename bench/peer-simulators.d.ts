/**
 * Minimal typings for the two peer simulators used by the cross-check tests and the benchmark
 * (devDependencies without published types). Only the members we call are declared.
 */
declare module 'quantum-circuit' {
  interface QcComplex {
    re: number;
    im: number;
  }
  class QuantumCircuit {
    constructor(numQubits?: number);
    appendGate(name: string, wires: number | number[], options?: { params?: Record<string, number | string> }): void;
    run(initialValues?: number[]): void;
    /** Sparse amplitudes keyed by the decimal basis index (wire 0 = least significant bit). */
    state: Record<string, QcComplex | undefined>;
    numQubits: number;
  }
  export default QuantumCircuit;
}

declare module 'jsqubits' {
  interface JsComplex {
    real: number;
    imaginary: number;
  }
  type Bits = number | number[] | null;
  interface QState {
    amplitude(index: number | string): JsComplex;
    x(t: Bits): QState;
    y(t: Bits): QState;
    z(t: Bits): QState;
    hadamard(t: Bits): QState;
    s(t: Bits): QState;
    t(t: Bits): QState;
    rotateX(t: Bits, a: number): QState;
    rotateY(t: Bits, a: number): QState;
    rotateZ(t: Bits, a: number): QState;
    r(t: Bits, a: number): QState;
    cnot(c: Bits, t: Bits): QState;
    controlledY(c: Bits, t: Bits): QState;
    controlledZ(c: Bits, t: Bits): QState;
    swap(a: number, b: number): QState;
    controlledXRotation(c: Bits, t: Bits, a: number): QState;
    controlledYRotation(c: Bits, t: Bits, a: number): QState;
    controlledZRotation(c: Bits, t: Bits, a: number): QState;
    controlledR(c: Bits, t: Bits, a: number): QState;
    toffoli(...bits: number[]): QState;
    controlledApplicationOfqBitOperator(c: Bits, t: Bits, matrix: JsComplex[][]): QState;
  }
  interface JsqubitsFn {
    (bits: string): QState;
    complex(re: number, im: number): JsComplex;
    ALL: Bits;
  }
  export const jsqubits: JsqubitsFn;
  export default jsqubits;
}
