/**
 * Quantum noise channels as Kraus operators.
 *
 * Every channel returns a list of Kraus operators K_i, each a 2×2 (one qubit) or 4×4 (two qubits)
 * complex matrix, row-major and interleaved ([re00, im00, re01, im01, …]) exactly like gate matrices
 * (src/sim/types.ts); for 4×4 operators qubits[0] is the LOW bit of the index. The channel acts as
 * ρ → Σ_i K_i ρ K_i†, and every constructor here returns a trace-preserving set (Σ K_i† K_i = I).
 *
 * Depolarizing conventions (the source of many factor-of-4/3 mistakes, so spelled out):
 * - `depolarizing(p, k)` uses the "replacement" form  ρ → (1 − p)·ρ + p·I/d,  d = 2^k.
 *   Every non-identity Pauli expectation (for k = 1: the Bloch vector) shrinks by the factor (1 − p).
 *   Valid for 0 ≤ p ≤ d²/(d² − 1) (the upper end is the fully "Pauli-twirling" channel).
 * - Nielsen & Chuang's form ρ → (1 − p_NC)·ρ + p_NC/(d² − 1)·Σ_{P ≠ I} PρP† puts probability p_NC on
 *   a uniformly random non-identity Pauli: p_NC is the *Pauli error* (what Google reports).
 *   Because Σ_{P≠I} PρP† = d·I − ρ for trace-one ρ, it equals the replacement form with
 *   p = p_NC · d²/(d² − 1)  (1q: 4/3 · p_NC, 2q: 16/15 · p_NC).
 * - Average gate infidelity r = 1 − F_avg (what randomized benchmarking reports, e.g. IBM):
 *   for the replacement form r = p·(d − 1)/d, so p = r·d/(d − 1)  (1q: 2r, 2q: 4r/3).
 *   Hence r = p_NC · d/(d + 1): average error = 2/3 of the Pauli error for 1q, 4/5 for 2q.
 */

/** Kraus operators of one channel (each interleaved complex, 2×2 or 4×4). */
export type KrausSet = Float64Array[];

/** A named channel, ready to be applied by the density-matrix simulator. */
export interface Channel {
  /** Short human label, e.g. "depolarizing(p=0.002)". */
  label: string;
  /** 1 or 2: the number of qubits each Kraus operator acts on. */
  numQubits: 1 | 2;
  kraus: KrausSet;
}

/** Which figure a vendor quotes for gate error. */
export type ErrorConvention = 'average' | 'pauli';

// ---------------------------------------------------------------------------------------------
// small complex-matrix helpers (dimension inferred from length: 2·dim² numbers)

/** Matrix dimension of an interleaved complex square matrix. */
export function matrixDim(m: Float64Array): number {
  const dim = Math.round(Math.sqrt(m.length / 2));
  if (2 * dim * dim !== m.length) throw new Error(`not a square complex matrix (${m.length} numbers)`);
  return dim;
}

function scaled(m: ArrayLike<number>, s: number): Float64Array {
  const out = new Float64Array(m.length);
  for (let i = 0; i < m.length; i++) out[i] = m[i] * s;
  return out;
}

/** Product a·b of two interleaved complex matrices of equal dimension. */
export function matMul(a: Float64Array, b: Float64Array): Float64Array {
  const dim = matrixDim(a);
  if (matrixDim(b) !== dim) throw new Error('matMul: dimension mismatch');
  const out = new Float64Array(a.length);
  for (let r = 0; r < dim; r++) {
    for (let c = 0; c < dim; c++) {
      let re = 0,
        im = 0;
      for (let k = 0; k < dim; k++) {
        const ai = 2 * (r * dim + k),
          bi = 2 * (k * dim + c);
        re += a[ai] * b[bi] - a[ai + 1] * b[bi + 1];
        im += a[ai] * b[bi + 1] + a[ai + 1] * b[bi];
      }
      out[2 * (r * dim + c)] = re;
      out[2 * (r * dim + c) + 1] = im;
    }
  }
  return out;
}

/** Kronecker product a ⊗ b, with b on the LOW bits of the result's index (a acts on the higher qubit). */
export function kron(a: Float64Array, b: Float64Array): Float64Array {
  const da = matrixDim(a),
    db = matrixDim(b);
  const d = da * db;
  const out = new Float64Array(2 * d * d);
  for (let ar = 0; ar < da; ar++)
    for (let ac = 0; ac < da; ac++) {
      const aRe = a[2 * (ar * da + ac)],
        aIm = a[2 * (ar * da + ac) + 1];
      for (let br = 0; br < db; br++)
        for (let bc = 0; bc < db; bc++) {
          const bRe = b[2 * (br * db + bc)],
            bIm = b[2 * (br * db + bc) + 1];
          const o = 2 * ((ar * db + br) * d + (ac * db + bc));
          out[o] = aRe * bRe - aIm * bIm;
          out[o + 1] = aRe * bIm + aIm * bRe;
        }
    }
  return out;
}

const PAULI_1Q: readonly Float64Array[] = [
  new Float64Array([1, 0, 0, 0, 0, 0, 1, 0]), // I
  new Float64Array([0, 0, 1, 0, 1, 0, 0, 0]), // X
  new Float64Array([0, 0, 0, -1, 0, 1, 0, 0]), // Y
  new Float64Array([1, 0, 0, 0, 0, 0, -1, 0]), // Z
];

function assertProbability(name: string, p: number, max = 1): void {
  if (!Number.isFinite(p) || p < 0 || p > max + 1e-15) {
    throw new RangeError(`${name} must be a number in [0, ${max}], got ${p}`);
  }
}

/** Drops Kraus operators that are identically zero (keeps at least one). */
function pruneZero(kraus: KrausSet): KrausSet {
  const kept = kraus.filter((k) => k.some((v) => v !== 0));
  return kept.length > 0 ? kept : kraus.slice(0, 1);
}

// ---------------------------------------------------------------------------------------------
// depolarizing and its conversions

/**
 * Depolarizing channel on `numQubits` (1 or 2) qubits in the replacement convention
 * ρ → (1 − p)ρ + p·I/d. Kraus form: √(1 − p(d²−1)/d²)·I and √(p/d²)·P for the d² − 1 non-identity
 * Paulis P. Valid for 0 ≤ p ≤ d²/(d²−1).
 */
export function depolarizing(p: number, numQubits: 1 | 2 = 1): KrausSet {
  const d = 1 << numQubits;
  const d2 = d * d;
  assertProbability('depolarizing p', p, d2 / (d2 - 1));
  const wId = Math.max(0, 1 - (p * (d2 - 1)) / d2);
  const wP = p / d2;
  const out: KrausSet = [];
  for (let i = 0; i < d2; i++) {
    const w = i === 0 ? wId : wP;
    if (w === 0 && i !== 0) continue;
    const pauli = numQubits === 1 ? PAULI_1Q[i] : kron(PAULI_1Q[i >> 2], PAULI_1Q[i & 3]);
    out.push(scaled(pauli, Math.sqrt(w)));
  }
  return pruneZero(out);
}

/** Replacement-form parameter p from Nielsen & Chuang's p_NC (= Pauli error): p = p_NC·d²/(d²−1). */
export function depolarizingFromNielsenChuang(pNC: number, numQubits: 1 | 2 = 1): number {
  const d2 = 1 << (2 * numQubits);
  return (pNC * d2) / (d2 - 1);
}

/** Alias of `depolarizingFromNielsenChuang`: the Pauli error is the NC parameter. */
export const depolarizingFromPauliError = depolarizingFromNielsenChuang;

/** Replacement-form parameter p from an average gate infidelity r: p = r·d/(d−1). */
export function depolarizingFromAverageError(r: number, numQubits: 1 | 2 = 1): number {
  const d = 1 << numQubits;
  return (r * d) / (d - 1);
}

/** Average gate infidelity of the replacement-form depolarizing channel: r = p·(d−1)/d. */
export function averageErrorFromDepolarizing(p: number, numQubits: 1 | 2 = 1): number {
  const d = 1 << numQubits;
  return (p * (d - 1)) / d;
}

/** Average gate error from a Pauli error: r = e_P·d/(d+1) (2/3 for 1q, 4/5 for 2q). */
export function averageErrorFromPauliError(ePauli: number, numQubits: 1 | 2 = 1): number {
  const d = 1 << numQubits;
  return (ePauli * d) / (d + 1);
}

/** The replacement-form depolarizing parameter for a vendor-quoted error in the given convention. */
export function depolarizingFromVendorError(error: number, convention: ErrorConvention, numQubits: 1 | 2): number {
  return convention === 'pauli'
    ? depolarizingFromPauliError(error, numQubits)
    : depolarizingFromAverageError(error, numQubits);
}

// ---------------------------------------------------------------------------------------------
// single-qubit channels

/**
 * Amplitude damping with decay probability γ (|1⟩ → |0⟩ with probability γ):
 * K0 = [[1, 0], [0, √(1−γ)]], K1 = [[0, √γ], [0, 0]]. Coherences shrink by √(1−γ).
 * For a duration t and relaxation time T1: γ = 1 − e^(−t/T1).
 */
export function amplitudeDamping(gamma: number): KrausSet {
  assertProbability('amplitude damping γ', gamma);
  return pruneZero([
    new Float64Array([1, 0, 0, 0, 0, 0, Math.sqrt(1 - gamma), 0]),
    new Float64Array([0, 0, Math.sqrt(gamma), 0, 0, 0, 0, 0]),
  ]);
}

/**
 * Phase damping (pure dephasing) with parameter λ: K0 = [[1, 0], [0, √(1−λ)]], K1 = [[0, 0], [0, √λ]].
 * Populations are unchanged; the coherence ρ01 is multiplied by √(1−λ).
 */
export function phaseDamping(lambda: number): KrausSet {
  assertProbability('phase damping λ', lambda);
  return pruneZero([
    new Float64Array([1, 0, 0, 0, 0, 0, Math.sqrt(1 - lambda), 0]),
    new Float64Array([0, 0, 0, 0, 0, 0, Math.sqrt(lambda), 0]),
  ]);
}

/** Bit flip: X with probability p (K0 = √(1−p)·I, K1 = √p·X). */
export function bitFlip(p: number): KrausSet {
  assertProbability('bit flip p', p);
  return pruneZero([scaled(PAULI_1Q[0], Math.sqrt(1 - p)), scaled(PAULI_1Q[1], Math.sqrt(p))]);
}

/** Phase flip: Z with probability p (K0 = √(1−p)·I, K1 = √p·Z). Coherences shrink by 1 − 2p. */
export function phaseFlip(p: number): KrausSet {
  assertProbability('phase flip p', p);
  return pruneZero([scaled(PAULI_1Q[0], Math.sqrt(1 - p)), scaled(PAULI_1Q[3], Math.sqrt(p))]);
}

/** Pauli channel: X, Y, Z with probabilities px, py, pz (identity with 1 − px − py − pz). */
export function pauliChannel(px: number, py: number, pz: number): KrausSet {
  assertProbability('Pauli channel px', px);
  assertProbability('Pauli channel py', py);
  assertProbability('Pauli channel pz', pz);
  const pi = 1 - px - py - pz;
  if (pi < -1e-15) throw new RangeError(`Pauli channel probabilities sum to ${px + py + pz} > 1`);
  const w = [Math.max(0, pi), px, py, pz];
  return pruneZero(w.map((wi, i) => scaled(PAULI_1Q[i], Math.sqrt(wi))));
}

/** Options for `thermalRelaxation`. */
export interface ThermalRelaxationOptions {
  /**
   * What to do when T2 > 2·T1 (unphysical for this model): 'throw' (default) or 'clamp' to T2 = 2·T1.
   * Calibration medians of different qubits can violate the bound; device models clamp.
   */
  onInvalidT2?: 'throw' | 'clamp';
}

/**
 * Thermal relaxation at zero temperature for a duration t (same time unit as T1 and T2), as amplitude
 * damping followed by pure dephasing:
 *   population of |1⟩ decays as e^(−t/T1)   (γ = 1 − e^(−t/T1)),
 *   the coherence ρ01 decays as e^(−t/T2)   (amplitude damping gives e^(−t/(2T1)); the rest is pure
 *   dephasing with √(1−λ) = e^(−t/T2 + t/(2T1)), i.e. λ = 1 − e^(−2t/T_φ), 1/T_φ = 1/T2 − 1/(2T1)).
 * Requires T2 ≤ 2·T1. Pass T2 = Infinity or T1 = Infinity to switch that process off.
 */
export function thermalRelaxation(t1: number, t2: number, t: number, options: ThermalRelaxationOptions = {}): KrausSet {
  if (!(t1 > 0)) throw new RangeError(`thermal relaxation: T1 must be > 0, got ${t1}`);
  if (!(t2 > 0)) throw new RangeError(`thermal relaxation: T2 must be > 0, got ${t2}`);
  if (!(t >= 0) || !Number.isFinite(t))
    throw new RangeError(`thermal relaxation: duration must be a finite number ≥ 0, got ${t}`);
  let T2 = t2;
  if (T2 > 2 * t1) {
    if (options.onInvalidT2 === 'clamp') T2 = 2 * t1;
    else {
      throw new RangeError(
        `thermal relaxation: T2 = ${t2} exceeds 2·T1 = ${2 * t1}; no physical channel has T2 > 2·T1 ` +
          `(pass { onInvalidT2: 'clamp' } to use T2 = 2·T1)`,
      );
    }
  }
  const gamma = Number.isFinite(t1) ? 1 - Math.exp(-t / t1) : 0;
  // Pure-dephasing rate 1/T_φ = 1/T2 − 1/(2 T1) ≥ 0.
  const rPhi = Math.max(0, 1 / T2 - (Number.isFinite(t1) ? 1 / (2 * t1) : 0));
  const lambda = 1 - Math.exp(-2 * t * rPhi);
  return composeKraus(amplitudeDamping(gamma), phaseDamping(lambda));
}

// ---------------------------------------------------------------------------------------------
// composition and diagnostics

/** Kraus operators of "apply `first`, then `second`": all products B_j·A_i (zero products dropped). */
export function composeKraus(first: KrausSet, second: KrausSet): KrausSet {
  const out: KrausSet = [];
  for (const b of second) for (const a of first) out.push(matMul(b, a));
  return pruneZero(out);
}

/** Kraus operators of two independent 1-qubit channels on (qubits[0], qubits[1]) = (low, high). */
export function tensorKraus(low: KrausSet, high: KrausSet): KrausSet {
  const out: KrausSet = [];
  for (const h of high) for (const l of low) out.push(kron(h, l));
  return pruneZero(out);
}

/** Conjugate transpose K† of an interleaved complex matrix: (K†)_{r c} = conj(K_{c r}). */
function adjoint(m: Float64Array): Float64Array {
  const dim = matrixDim(m);
  const out = new Float64Array(m.length);
  for (let r = 0; r < dim; r++)
    for (let c = 0; c < dim; c++) {
      out[2 * (r * dim + c)] = m[2 * (c * dim + r)];
      out[2 * (r * dim + c) + 1] = -m[2 * (c * dim + r) + 1];
    }
  return out;
}

/** Σ K† K as an interleaved complex matrix (equals I for a trace-preserving channel). */
export function krausCompleteness(kraus: KrausSet): Float64Array {
  const out = new Float64Array(kraus[0].length);
  for (const k of kraus) {
    const product = matMul(adjoint(k), k);
    for (let i = 0; i < out.length; i++) out[i] += product[i];
  }
  return out;
}

/** Largest entry-wise deviation of Σ K†K from the identity. */
export function traceDeviation(kraus: KrausSet): number {
  const s = krausCompleteness(kraus);
  const dim = matrixDim(s);
  let worst = 0;
  for (let r = 0; r < dim; r++)
    for (let c = 0; c < dim; c++) {
      const want = r === c ? 1 : 0;
      worst = Math.max(worst, Math.abs(s[2 * (r * dim + c)] - want), Math.abs(s[2 * (r * dim + c) + 1]));
    }
  return worst;
}

/** Entanglement (process) fidelity F_e = Σ_i |tr K_i|² / d². */
export function processFidelity(kraus: KrausSet): number {
  const dim = matrixDim(kraus[0]);
  let sum = 0;
  for (const k of kraus) {
    let re = 0,
      im = 0;
    for (let i = 0; i < dim; i++) {
      re += k[2 * (i * dim + i)];
      im += k[2 * (i * dim + i) + 1];
    }
    sum += re * re + im * im;
  }
  return sum / (dim * dim);
}

/** Average gate fidelity F_avg = (d·F_e + 1)/(d + 1) of a channel (relative to the identity). */
export function averageGateFidelity(kraus: KrausSet): number {
  const dim = matrixDim(kraus[0]);
  return (dim * processFidelity(kraus) + 1) / (dim + 1);
}

/**
 * Superoperator S = Σ_K K ⊗ conj(K) acting on a vectorised block of ρ, as a (d²×d²) interleaved
 * complex matrix. Block index = c + d·r for the entry ρ[r][c] (column index on the low bits), so that
 * S[(r,c),(r',c')] = Σ_K K[r][r'] · conj(K[c][c']).
 */
export function superoperator(kraus: KrausSet): Float64Array {
  const d = matrixDim(kraus[0]);
  const D = d * d;
  const out = new Float64Array(2 * D * D);
  for (const k of kraus) {
    for (let r = 0; r < d; r++)
      for (let c = 0; c < d; c++) {
        const row = c + d * r;
        for (let r2 = 0; r2 < d; r2++) {
          const aRe = k[2 * (r * d + r2)],
            aIm = k[2 * (r * d + r2) + 1];
          if (aRe === 0 && aIm === 0) continue;
          for (let c2 = 0; c2 < d; c2++) {
            const bRe = k[2 * (c * d + c2)],
              bIm = -k[2 * (c * d + c2) + 1];
            const o = 2 * (row * D + (c2 + d * r2));
            out[o] += aRe * bRe - aIm * bIm;
            out[o + 1] += aRe * bIm + aIm * bRe;
          }
        }
      }
  }
  return out;
}
